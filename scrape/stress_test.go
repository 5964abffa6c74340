package scrape

import (
	"strings"
	"testing"
	"time"
)

func TestStressShapes(t *testing.T) {
	for _, unit := range []string{"<table><tr><td>", "<ul><li>", "<div>", "<form>", "<b><i>", "<a href=x>", "<table><caption>Liitteet</caption><tr><td>", "<p>x<br>", "<span>", "<table>", "<tr>", "<td>", "<!--DATAEND-->", "<font><table>"} {
		for _, n := range []int{100, 200, 400} {
			s := strings.Repeat(unit, n)
			start := time.Now()
			ExtractPage([]byte(s), "")
			if d := time.Since(start); d > 50*time.Millisecond {
				t.Logf("%q x %d: %v", unit, n, d)
			}
		}
	}
}
