package search

import (
	"fmt"
	"sync"
	"testing"
)

// The cache answers as Key does, also once shards have been emptied for
// being full, and under concurrent use (go test -race).
func TestKeyCacheAgreesWithKey(t *testing.T) {
	c := &keyCache{seed: wordKeys.seed, capacity: 16}
	words := []string{"hyvinvointialueen", "sopimusta", "yhteistyösopimuksen", "tontteja", "toisen", "kaupunginhallitus", "2023"}
	for i := 0; i < 3*cacheShards*16; i++ {
		words = append(words, fmt.Sprintf("sana%dn", i))
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := 0; round < 2; round++ {
				for _, w := range words {
					k, r := c.get(w)
					if k != Key(w) || r != Reverse(Key(w)) {
						t.Errorf("cache(%q) = %q %q, want %q %q", w, k, r, Key(w), Reverse(Key(w)))
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	for i := range c.shards {
		if n := len(c.shards[i].m); n > c.capacity {
			t.Errorf("shard %d holds %d words, over its %d", i, n, c.capacity)
		}
	}
}
