package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
)

// A site whose pages name no organisation (no site header, as many real
// pages): the organisation given with `sources add --org` is the
// decisions' own, so search, export, show and approved all show it.
func TestSourceOrganizationWhenPagesNameNone(t *testing.T) {
	const page = `<html><body><!--DATABEGIN-->
<p>Kunnanhallitus</p><p>Pöytäkirja 02.06.2025/Pykälä 98</p>
<p>Vesihuollon toiminta-alueen vahvistaminen</p>
<p>KH 02.06.2025 § 98</p>
<p>Päätösehdotus Kunnanhallitus vahvistaa vesihuoltolaitoksen toiminta-alueen.</p>
<p>Päätös Ehdotus hyväksyttiin yksimielisesti.</p>
<p><a href="/kokous/2025310-4.PDF">Kokousasia PDF-muodossa</a></p><!--DATAEND--></body></html>`
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch q := r.URL.Query(); {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case q.Get("page") == "rss/meetingitems":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Dynasty</title>
<item><title>Kunnanhallitus 02.06.2025 / Vesihuollon toiminta-alueen vahvistaminen</title>
<link>%s/cgi/DREQUEST.PHP?page=meetingitem&amp;id=2025310-4</link></item></channel></rss>`, srv.URL)
		case q.Get("page") == "rss/meetings":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Dynasty</title></channel></rss>`)
		case q.Get("page") == "meetingitem" && q.Get("id") == "2025310-4":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	db := filepath.Join(t.TempDir(), "a.db")
	const org = "Polvijärven kunta"
	mustRun(t, exitOK, "--db", db, "sources", "add", "polvijarvi", srv.URL, "--org", org)
	mustRun(t, exitOK, "--db", db, "sync", "--delay", "0", "--quiet")
	for _, args := range [][]string{
		{"search", "vesihuolto"},
		{"export"},
		{"show", "polvijarvi/2025310-4"},
		{"approved", "toiminta-alue"},
	} {
		r := mustRun(t, exitOK, append([]string{"--db", db}, args...)...)
		if !strings.Contains(r.stdout, org) {
			t.Errorf("%s does not show %q:\n%s", args[0], org, r.stdout)
		}
	}
	r := mustRun(t, exitOK, "--db", db, "search", "vesihuolto", "--org", "polvijarvi")
	if !strings.Contains(r.stdout, "Vesihuollon toiminta-alueen vahvistaminen") {
		t.Errorf("search --org polvijarvi:\n%s", r.stdout)
	}
}
