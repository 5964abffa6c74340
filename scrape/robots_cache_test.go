package scrape

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// mapRobotsCache is a RobotsCache in memory.
type mapRobotsCache struct {
	mu    sync.Mutex
	body  map[string]string
	at    map[string]time.Time
	saves int
}

func (m *mapRobotsCache) Robots(_ context.Context, u string) (string, time.Time, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.body[u]
	return b, m.at[u], ok, nil
}

func (m *mapRobotsCache) SetRobots(_ context.Context, u, body string, at time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.body[u], m.at[u] = body, at
	m.saves++
	return nil
}

func TestClientRobotsCacheAcrossClients(t *testing.T) {
	var robots atomic.Int32
	var status atomic.Int32
	status.Store(http.StatusOK)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robots.Add(1)
			if s := int(status.Load()); s != http.StatusOK {
				w.WriteHeader(s)
				return
			}
			w.Write([]byte("User-agent: *\nDisallow: /private/\n"))
			return
		}
		w.Write([]byte("ok"))
	}))
	defer srv.Close()
	cache := &mapRobotsCache{body: map[string]string{}, at: map[string]time.Time{}}
	clock := newFakeClock()
	client := func() *Client {
		return newTestClient(clock, ClientOptions{Robots: true, RobotsCache: cache, MaxRetries: -1})
	}

	if _, err := get(t, client(), srv.URL+"/a"); err != nil {
		t.Fatal(err)
	}
	// A second run within the day: the rules come from the cache, and still hold.
	c2 := client()
	if _, err := get(t, c2, srv.URL+"/b"); err != nil {
		t.Fatal(err)
	}
	if _, err := get(t, c2, srv.URL+"/private/x"); !errors.Is(err, ErrRobots) {
		t.Errorf("cached Disallow not applied: %v", err)
	}
	if n := robots.Load(); n != 1 {
		t.Errorf("robots.txt fetched %d times within a day, want 1", n)
	}

	// A day later it is fetched again; a 5xx answer is not cached.
	clock.Sleep(context.Background(), RobotsTTL+time.Minute)
	status.Store(http.StatusServiceUnavailable)
	saves := cache.saves
	if _, err := get(t, client(), srv.URL+"/private/y"); err != nil {
		t.Errorf("robots.txt unavailable should allow all: %v", err)
	}
	if robots.Load() != 2 || cache.saves != saves {
		t.Errorf("after a day: %d fetches (want 2), %d new saves (want 0)", robots.Load(), cache.saves-saves)
	}
	// A 404 is cached as "no robots.txt".
	status.Store(http.StatusNotFound)
	if _, err := get(t, client(), srv.URL+"/private/z"); err != nil {
		t.Fatal(err)
	}
	if _, err := get(t, client(), srv.URL+"/private/z"); err != nil {
		t.Fatal(err)
	}
	if robots.Load() != 3 {
		t.Errorf("a cached 404 was fetched again: %d fetches, want 3", robots.Load())
	}
}
