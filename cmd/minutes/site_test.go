package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// fixtureSite serves one directory of testdata/sites as a Dynasty site, by
// the convention written down in testdata/README.md: page=P&id=I → P/I.html,
// the two RSS feeds → rss/*.xml, a X.v2.ext sibling replacing X.ext in phase
// 2, and {{BASE}} in any file replaced by the site's base URL.
type fixtureSite struct {
	t      *testing.T
	dir    string
	conf   siteConfig
	srv    *httptest.Server
	phase  atomic.Int32
	mu     sync.Mutex
	log    []servedRequest
	broken func(w http.ResponseWriter, r *http.Request) bool // optional fault injection
}

type siteConfig struct {
	Name         string            `json:"name"`
	Organization string            `json:"organization"`
	Prefix       string            `json:"prefix"`
	ContentTypes map[string]string `json:"content_types"`
}

// servedRequest is one request the site answered, for assertions on what a
// sync asked for.
type servedRequest struct {
	Page, ID    string
	Conditional bool
	Status      int
	UserAgent   string
}

func newFixtureSite(t *testing.T, name string) *fixtureSite {
	t.Helper()
	dir := filepath.Join("..", "..", "testdata", "sites", name)
	raw, err := os.ReadFile(filepath.Join(dir, "site.json"))
	if err != nil {
		t.Fatalf("fixture site %s: %v", name, err)
	}
	s := &fixtureSite{t: t, dir: dir}
	if err := json.Unmarshal(raw, &s.conf); err != nil {
		t.Fatalf("fixture site %s: site.json: %v", name, err)
	}
	s.phase.Store(1)
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// base is the source base URL, prefix included.
func (s *fixtureSite) base() string { return s.srv.URL + s.conf.Prefix }

func (s *fixtureSite) setPhase(p int) { s.phase.Store(int32(p)) }

// requests returns the requests served so far and forgets them.
func (s *fixtureSite) requests() []servedRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.log
	s.log = nil
	return out
}

func (s *fixtureSite) record(r servedRequest) {
	s.mu.Lock()
	s.log = append(s.log, r)
	s.mu.Unlock()
}

// file maps a request to a file below dir, "" when there is none.
func (s *fixtureSite) file(r *http.Request) (rel, page, id string) {
	p := r.URL.Path
	if p == "/robots.txt" {
		return "robots.txt", "robots.txt", ""
	}
	if !strings.HasPrefix(p, s.conf.Prefix+"/") {
		return "", "", ""
	}
	p = strings.TrimPrefix(p, s.conf.Prefix)
	if !strings.EqualFold(p, "/cgi/DREQUEST.PHP") {
		return "", p, ""
	}
	q := r.URL.Query()
	page, id = q.Get("page"), q.Get("id")
	switch {
	case page == "rss/meetingitems" || page == "rss/meetings":
		return page + ".xml", page, id
	case strings.ContainsAny(page, "./\\") || strings.ContainsAny(id, "./\\"):
		return "", page, id
	case id == "":
		return page + ".html", page, id
	default:
		return page + "/" + id + ".html", page, id
	}
}

func (s *fixtureSite) serve(w http.ResponseWriter, r *http.Request) {
	rel, page, id := s.file(r)
	rec := servedRequest{Page: page, ID: id, UserAgent: r.UserAgent(),
		Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""}
	if s.broken != nil && s.broken(w, r) {
		rec.Status = -1
		s.record(rec)
		return
	}
	body, ok := s.read(rel)
	if !ok {
		rec.Status = http.StatusNotFound
		s.record(rec)
		http.NotFound(w, r)
		return
	}
	body = bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte(s.base()))
	sum := sha256.Sum256(body)
	etag := fmt.Sprintf(`"%x"`, sum[:8])
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		rec.Status = http.StatusNotModified
		s.record(rec)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	ct, ok := s.conf.ContentTypes[rel]
	switch {
	case ok:
	case strings.HasSuffix(rel, ".xml"):
		ct = "application/rss+xml"
	case strings.HasSuffix(rel, ".html"):
		ct = "text/html; charset=UTF-8"
	default:
		ct = "text/plain; charset=UTF-8"
	}
	w.Header().Set("Content-Type", ct)
	rec.Status = http.StatusOK
	s.record(rec)
	w.Write(body)
}

// read returns the file for the current phase: in phase 2 a X.v2.ext
// sibling wins over X.ext.
func (s *fixtureSite) read(rel string) ([]byte, bool) {
	if rel == "" {
		return nil, false
	}
	if s.phase.Load() >= 2 {
		ext := path.Ext(rel)
		if b, err := os.ReadFile(filepath.Join(s.dir, strings.TrimSuffix(rel, ext)+".v2"+ext)); err == nil {
			return b, true
		}
	}
	b, err := os.ReadFile(filepath.Join(s.dir, rel))
	return b, err == nil
}
