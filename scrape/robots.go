package scrape

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// robotsAgent is the product token matched against User-agent lines.
const robotsAgent = "minutes"

// robotsEntry caches one host's rules. lock (capacity 1) is held while the
// file is fetched, so concurrent first requests fetch it once, and can be
// given up when a context ends, unlike a mutex.
type robotsEntry struct {
	lock  chan struct{}
	done  bool
	rules robotsRules
}

// robotsRule is one Allow or Disallow line.
type robotsRule struct {
	pattern string
	allow   bool
}

// robotsRules are the rules of the group that applies to us; nil allows all.
type robotsRules []robotsRule

// checkRobots fetches the host's robots.txt once and refuses disallowed
// URLs. Per RFC 9309, an unreachable file (4xx) allows everything; a
// server or network failure should disallow everything, but the field
// notes choose to allow, so that a broken robots.txt on a public
// decision site does not stop the archive.
func (c *Client) checkRobots(ctx context.Context, u *url.URL, h *hostState) error {
	key := hostKey(u)
	c.mu.Lock()
	e := c.robots[key]
	if e == nil {
		e = &robotsEntry{lock: make(chan struct{}, 1)}
		c.robots[key] = e
	}
	c.mu.Unlock()
	select {
	case e.lock <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("GET %s: %w", u, ctx.Err())
	}
	if !e.done {
		rules, err := c.fetchRobots(ctx, u, h)
		if err != nil {
			<-e.lock
			return err
		}
		e.rules, e.done = rules, true
	}
	rules := e.rules
	<-e.lock
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !rules.allowed(path) {
		return fmt.Errorf("GET %s: %w", u, ErrRobots)
	}
	return nil
}

// fetchRobots gets and parses robots.txt, from the cache while it is fresh;
// only a cancelled context is an error.
func (c *Client) fetchRobots(ctx context.Context, u *url.URL, h *hostState) (robotsRules, error) {
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	key := ru.String()
	if cache := c.opts.RobotsCache; cache != nil {
		body, at, ok, err := cache.Robots(ctx, key)
		if err != nil {
			c.log.Warn("read cached robots.txt", "url", key, "err", err)
		}
		if ok && err == nil && c.opts.Now().Sub(at) < RobotsTTL {
			return parseRobots(body, robotsAgent), nil
		}
	}
	c.robotsFetches.Add(1)
	res := c.attempt(ctx, h, &ru, Request{URL: key}, robotsMaxBody)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("GET %s: %w", key, ctx.Err())
	}
	text := ""
	if res.err != nil {
		var he *HTTPError
		if !errors.As(res.err, &he) || he.Status >= 500 {
			// Not cached: the next run asks again.
			c.log.Warn("robots.txt unavailable; allowing all", "url", key, "err", res.err)
			return nil, nil
		}
		// 4xx: there is no robots.txt, which allows everything.
	} else if t, _, _, err := DecodeBytes(res.resp.Body, res.resp.ContentType); err == nil {
		text = t
	}
	if cache := c.opts.RobotsCache; cache != nil {
		if err := cache.SetRobots(ctx, key, text, c.opts.Now()); err != nil {
			c.log.Warn("cache robots.txt", "url", key, "err", err)
		}
	}
	return parseRobots(text, robotsAgent), nil
}

// parseRobots picks the rules for agent from a robots.txt: the groups whose
// User-agent names it (case-insensitively, "minutes/1.0" counts), merged;
// failing that, the "*" groups.
func parseRobots(text, agent string) robotsRules {
	var mine, star robotsRules
	var foundMine bool
	var agents []string
	inRules := false // a rule line ends the run of User-agent lines of a group
	sc := bufio.NewScanner(strings.NewReader(text))
	sc.Buffer(make([]byte, 0, 64<<10), robotsMaxBody)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch k {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(v))
		case "allow", "disallow":
			inRules = true
			if v == "" {
				continue // an empty Disallow allows all, which is the default
			}
			r := robotsRule{pattern: v, allow: k == "allow"}
			for _, a := range agents {
				switch {
				case a == "*":
					star = append(star, r)
				case a == agent || strings.HasPrefix(a, agent+"/"):
					mine = append(mine, r)
					foundMine = true
				}
			}
		}
	}
	if foundMine {
		return mine
	}
	return star
}

// allowed applies the longest matching rule; on a tie Allow wins.
func (rs robotsRules) allowed(path string) bool {
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, r := range rs {
		if !robotsMatch(r.pattern, path) {
			continue
		}
		n := len(r.pattern)
		if n > best || (n == best && r.allow) {
			best, allow = n, r.allow
		}
	}
	return allow
}

// robotsMatch matches a path against a pattern with "*" (any run) and a
// trailing "$" (end of path).
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	if len(parts) == 1 {
		return !anchored || pos == len(path)
	}
	for i := 1; i < len(parts); i++ {
		if i == len(parts)-1 && anchored {
			return strings.HasSuffix(path[pos:], parts[i])
		}
		j := strings.Index(path[pos:], parts[i])
		if j < 0 {
			return false
		}
		pos += j + len(parts[i])
	}
	return true
}
