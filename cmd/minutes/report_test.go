package main

import (
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
)

// matterArchive syncs the organisations of a matters set (testdata/matters)
// from fixture sites into a new archive, and returns its path.
func matterArchive(t *testing.T, set string) string {
	t.Helper()
	_, pages := loadMatters(t, set)
	db := filepath.Join(t.TempDir(), "matters.db")
	addMatterSources(t, db, pages)
	mustRun(t, exitOK, "--db", db, "sync", "--delay", "0", "--quiet")
	return db
}

// TestReportOfASyncedMatter: the report of a matter synced from fixture
// sites shows every organisation approved answers with, once, with a mark
// on the timeline for each dated one, loads nothing, and is seen in a
// browser with its table above its chart.
func TestReportOfASyncedMatter(t *testing.T) {
	db := matterArchive(t, "matters")
	const query = "hyvinvointialueen yhteistyösopimus"
	var ans struct {
		Approved, Otherwise []orgJSON
		Weak                []orgJSON `json:"mentioned_in_text"`
	}
	r := mustRun(t, exitOK, "--db", db, "approved", query, "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &ans); err != nil {
		t.Fatal(err)
	}
	all := append(append(append([]orgJSON{}, ans.Approved...), ans.Otherwise...), ans.Weak...)
	if len(ans.Approved) < 2 || len(all) < 4 {
		t.Fatalf("the fixture matter has too few organisations to test a report: %+v", ans)
	}
	var wantOrgs []string
	dated := 0
	urls := map[string]bool{}
	for _, o := range all {
		wantOrgs = append(wantOrgs, o.Organization)
		if o.Date != nil {
			dated++
		}
		urls[o.URL] = true
	}
	sort.Strings(wantOrgs)

	out := filepath.Join(t.TempDir(), "report.html")
	r = mustRun(t, exitOK, "--db", db, "report", query, "-o", out)
	if !strings.Contains(r.stderr, fmt.Sprintf("%d organisations (%d approved", len(all), len(ans.Approved))) {
		t.Errorf("report said %q", r.stderr)
	}
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	html := string(raw)
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	var gotOrgs []string
	doc.Find("section.table tbody tr th[scope=row]").Each(func(_ int, s *goquery.Selection) {
		gotOrgs = append(gotOrgs, strings.TrimSpace(s.Text()))
	})
	sort.Strings(gotOrgs)
	if strings.Join(gotOrgs, "|") != strings.Join(wantOrgs, "|") {
		t.Errorf("report's organisations:\n%v\nwant approved's, each once:\n%v", gotOrgs, wantOrgs)
	}
	if n := doc.Find("section.table tbody.approved tr th[scope=row]").Length(); n != len(ans.Approved) {
		t.Errorf("%d rows under approved, want %d", n, len(ans.Approved))
	}
	doc.Find("section.table a[href]").Each(func(_ int, s *goquery.Selection) {
		if href, _ := s.Attr("href"); !urls[href] {
			t.Errorf("link %q is not one of the decisions' pages", href)
		}
	})
	if n := doc.Find("section.chart svg path.mark title").Length(); n != dated {
		t.Errorf("%d marks on the timeline, want one per dated decision (%d)", n, dated)
	}
	svg := doc.Find("section.chart svg[role=img]")
	if svg.Length() != 1 || svg.Find("title").First().Text() == "" || !strings.Contains(svg.Find("desc").Text(), fmt.Sprintf("%d ", dated)) {
		t.Errorf("the chart has no text alternative: %d svg, title %q, desc %q", svg.Length(), svg.Find("title").First().Text(), svg.Find("desc").Text())
	}
	if lang, _ := doc.Find("html").Attr("lang"); lang != "fi" || !strings.Contains(html, "Hyväksyneet") {
		t.Errorf("default report not in Finnish: lang %q", lang)
	}
	// Self-contained: nothing to load.
	for _, bad := range []string{"<script", " src=", "<link", "@import", "url(", "@font-face"} {
		if strings.Contains(html, bad) {
			t.Errorf("the report would load something: it contains %q", bad)
		}
	}
	if chart := strings.Index(html, `role="img"`); chart < 0 || strings.Index(html, "<table") > chart {
		t.Error("the chart comes before the table")
	}

	en := filepath.Join(t.TempDir(), "report-en.html")
	mustRun(t, exitOK, "--db", db, "report", query, "--lang", "en", "-o", en)
	if b, _ := os.ReadFile(en); !strings.Contains(string(b), `lang="en"`) || !strings.Contains(string(b), "Approved by") {
		t.Error("--lang en report has no English labels")
	}
	if r := mustRun(t, exitOK, "--db", db, "report", "zzzqqq", "-o", en); !strings.Contains(r.stderr, "No organisation's decisions match") {
		t.Errorf("a report of nothing said %q", r.stderr)
	}
	mustRun(t, exitUsage, "--db", db, "report", query, "--lang", "sv", "-o", en)
	mustRun(t, exitUsage, "--db", db, "report", query)

	approvedDated := 0
	for _, o := range ans.Approved {
		if o.Date != nil && o.Outcome == "approved" {
			approvedDated++
		}
	}
	screenshotReport(t, out, len(all), approvedDated)
}

// screenshotReport opens the report in headless Chromium and checks the
// picture: the table's header band, then below it the chart's markers in
// the approved colour.
func screenshotReport(t *testing.T, page string, rows, approvedDated int) {
	browser := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			browser = p
			break
		}
	}
	if browser == "" {
		if os.Getenv("MINUTES_REQUIRE_BROWSER") != "" {
			t.Fatal("MINUTES_REQUIRE_BROWSER is set but no chromium is installed")
		}
		t.Skip("no chromium to look at the report with (apt-get install chromium; .ci/run installs it)")
	}
	dir := t.TempDir()
	shot := filepath.Join(dir, "report.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--no-first-run", "--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1200,2000",
		"--screenshot="+shot, "file://"+page)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", browser, err, out)
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	// The table's header band: the first row of pixels mostly of its
	// colour (#e3ebf5).
	headerY := -1
	for y := b.Min.Y; y < b.Max.Y && headerY < 0; y++ {
		run, best := 0, 0
		for x := b.Min.X; x < b.Max.X; x++ {
			if px(img, x, y) == [3]uint8{0xe3, 0xeb, 0xf5} {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
		if best > b.Dx()/2 {
			headerY = y
		}
	}
	if headerY < 0 {
		t.Fatalf("no table header band in the screenshot (kept at %s)", keep(t, shot))
	}
	// The shapes drawn in the approved colour (#009E73), top to bottom: the
	// swatch of the counts table, one marker per approved decision on the
	// timeline, the legend's swatch.
	blobs := colourBlobs(img, [3]uint8{0x00, 0x9e, 0x73})
	if len(blobs) != approvedDated+2 {
		t.Fatalf("%d shapes in the approved colour, want %d (counts, %d on the timeline, legend); kept at %s",
			len(blobs), approvedDated+2, approvedDated, keep(t, shot))
	}
	for _, y := range blobs {
		if y <= headerY {
			t.Errorf("an approved shape at y=%d, above the table's header at y=%d: the table is not first", y, headerY)
		}
	}
	// The timeline's markers stand apart from the swatches, one lane each.
	if blobs[1]-blobs[0] < rows*20 {
		t.Errorf("the first timeline marker (y=%d) is not below the outcome counts (y=%d)", blobs[1], blobs[0])
	}
}

// colourBlobs finds the connected shapes of exactly colour c (of at least
// 20 pixels: a marker, not anti-aliasing) and returns their top rows,
// sorted.
func colourBlobs(img image.Image, c [3]uint8) []int {
	b := img.Bounds()
	seen := make([]bool, b.Dx()*b.Dy())
	idx := func(x, y int) int { return (y-b.Min.Y)*b.Dx() + (x - b.Min.X) }
	var tops []int
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if seen[idx(x, y)] || px(img, x, y) != c {
				continue
			}
			top, n := y, 0
			stack := [][2]int{{x, y}}
			seen[idx(x, y)] = true
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				n++
				top = min(top, p[1])
				for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					q := [2]int{p[0] + d[0], p[1] + d[1]}
					if q[0] < b.Min.X || q[0] >= b.Max.X || q[1] < b.Min.Y || q[1] >= b.Max.Y || seen[idx(q[0], q[1])] || px(img, q[0], q[1]) != c {
						continue
					}
					seen[idx(q[0], q[1])] = true
					stack = append(stack, q)
				}
			}
			if n >= 20 {
				tops = append(tops, top)
			}
		}
	}
	sort.Ints(tops)
	return tops
}

func px(img image.Image, x, y int) [3]uint8 {
	r, g, b, _ := img.At(x, y).RGBA()
	return [3]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
}

// keep copies a failing screenshot where a person can look at it.
func keep(t *testing.T, path string) string {
	dst := filepath.Join(os.TempDir(), "minutes-"+regexp.MustCompile(`\W+`).ReplaceAllString(t.Name(), "-")+".png")
	if b, err := os.ReadFile(path); err == nil && os.WriteFile(dst, b, 0o644) == nil {
		return dst
	}
	return path
}
