package scrape

import (
	"strings"
	"testing"
)

func TestDecodeBytes(t *testing.T) {
	// "Päätös – “hyväksyttiin” 5 €" in windows-1252: – “ ” € live in 0x80–0x9F.
	win := []byte("P\xe4\xe4t\xf6s \x96 \x93hyv\xe4ksyttiin\x94 5 \x80")
	const winText = "Päätös – “hyväksyttiin” 5 €"
	tests := []struct {
		name        string
		body        []byte
		contentType string
		want        string
		label       string
		replaced    bool
	}{
		{"iso-8859-1 feed prolog", []byte("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>K\xe4sittely \x96 p\xe4\xe4t\xf6s</title></rss>"), "text/xml",
			"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><title>Käsittely – päätös</title></rss>", "windows-1252", false},
		{"windows-1252 undeclared", win, "text/html", winText, "windows-1252", false},
		{"latin1 header label means windows-1252", win, "text/html; charset=ISO-8859-1", winText, "windows-1252", false},
		{"header charset quoted", win, `text/html; charset="windows-1252"`, winText, "windows-1252", false},
		{"utf-8 with header", []byte("Päätös – €"), "text/html; charset=utf-8", "Päätös – €", "utf-8", false},
		{"utf-8 without header", []byte("Päätös – €"), "", "Päätös – €", "utf-8", false},
		{"utf-8 BOM", []byte("\xef\xbb\xbfPäätös"), "text/html; charset=iso-8859-1", "Päätös", "utf-8", false},
		{"meta charset", append([]byte(`<html><head><meta charset="windows-1252"></head><body>`), win...), "text/html",
			`<html><head><meta charset="windows-1252"></head><body>` + winText, "windows-1252", false},
		{"meta http-equiv", append([]byte(`<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"></HEAD>`), win...), "",
			`<HTML><HEAD><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1"></HEAD>` + winText, "windows-1252", false},
		{"meta utf-16 means utf-8", []byte(`<meta charset="utf-16">Päätös`), "", `<meta charset="utf-16">Päätös`, "utf-8", false},
		{"header beats meta", []byte(`<meta charset="windows-1252">Päätös`), "text/html; charset=utf-8", `<meta charset="windows-1252">Päätös`, "utf-8", false},
		// The notes' order is kept strictly: a declared single-byte charset
		// wins over a body that happens to be valid UTF-8 (mojibake is the
		// server's fault and visible, a guess would hide it).
		{"header label beats valid utf-8", []byte("Päätös"), "text/html; charset=iso-8859-1", "PÃ¤Ã¤tÃ¶s", "windows-1252", false},
		{"unknown header label ignored", []byte("Päätös"), "text/html; charset=x-klingon", "Päätös", "utf-8", false},
		{"bad content type ignored", win, "text/html; charset", winText, "windows-1252", false},
		{"invalid utf-8 claimed", []byte("P\xe4\xe4t\xf6s ok"), "text/html; charset=utf-8", "P\ufffdt\ufffds ok", "utf-8", true},
		{"decomposed becomes NFC", []byte("Pa\u0308a\u0308to\u0308s"), "", "Päätös", "utf-8", false},
		{"decomposed declared utf-8", []byte("Pa\u0308a\u0308to\u0308s"), "text/plain; charset=UTF-8", "Päätös", "utf-8", false},
		{"empty", nil, "", "", "utf-8", false},
	}
	for _, tt := range tests {
		got, label, replaced, err := DecodeBytes(tt.body, tt.contentType)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want || label != tt.label || replaced != tt.replaced {
			t.Errorf("%s: DecodeBytes = %q, %q, %v; want %q, %q, %v", tt.name, got, label, replaced, tt.want, tt.label, tt.replaced)
		}
	}
}

func TestDecodeBytesSniffsOnlyHead(t *testing.T) {
	body := []byte(strings.Repeat(" ", sniffLen) + `<meta charset="windows-1252">` + "\xe4")
	_, label, _, err := DecodeBytes(body, "")
	if err != nil {
		t.Fatal(err)
	}
	if label != "windows-1252" { // found by the fallback, not the late meta
		t.Errorf("label %q", label)
	}
	body = []byte(strings.Repeat(" ", sniffLen) + `<meta charset="iso-8859-2">` + "ä")
	if _, label, _, _ = DecodeBytes(body, ""); label != "utf-8" {
		t.Errorf("a meta past %d bytes was honoured: %q", sniffLen, label)
	}
}
