package search

import (
	"hash/maphash"
	"sync"
)

// keyCache remembers the key and reversed key of words already analysed.
// Key is a pure function of the word, so a cached answer is the answer;
// the same few thousand words make up most of every page, and stemming
// them again is most of what indexing a page costs. Shards keep
// concurrent analysers (reparse on every core) from queueing on one lock;
// a full shard is emptied, which bounds memory without bookkeeping.
type keyCache struct {
	seed     maphash.Seed
	capacity int // words per shard
	shards   [cacheShards]cacheShard
}

type cacheShard struct {
	mu sync.Mutex
	m  map[string]cachedKey
}

type cachedKey struct{ key, rev string }

const (
	cacheShards   = 32
	shardCapacity = 8192 // words per shard: at most 262,144 in all
)

var wordKeys = &keyCache{seed: maphash.MakeSeed(), capacity: shardCapacity}

// get returns the key and reversed key of word, computing them once.
func (c *keyCache) get(word string) (key, rev string) {
	s := &c.shards[maphash.String(c.seed, word)%cacheShards]
	s.mu.Lock()
	k, ok := s.m[word]
	s.mu.Unlock()
	if ok {
		return k.key, k.rev
	}
	key = Key(word)
	rev = Reverse(key)
	s.mu.Lock()
	if s.m == nil || len(s.m) >= c.capacity {
		s.m = make(map[string]cachedKey, c.capacity/4)
	}
	s.m[word] = cachedKey{key, rev}
	s.mu.Unlock()
	return key, rev
}
