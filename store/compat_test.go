package store

import (
	"io/fs"
	"os/exec"
	"strings"
	"testing"
)

// Features newer than SQLite 3.40 (the stock sqlite3 of Debian bookworm and
// of many Pythons) that the schema must not use: the archive has to open in
// those tools.
var newerThan340 = []string{
	"contentless_delete", // FTS5 3.43
	"contentless_unindexed",
	"tokendata", // FTS5 3.44
	"locale",    // FTS5 3.47
	"jsonb",     // 3.45
	"json_pretty",
	"octet_length", // 3.43
	"timediff",
	"unistr",
	"concat_ws", // 3.44
	"string_agg",
	"->>", // 3.38 is fine, but keep the schema plain
}

func TestSchemaUsesOnly340Features(t *testing.T) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		b, err := migrationFS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		var code []string
		for _, line := range strings.Split(string(b), "\n") {
			if i := strings.Index(line, "--"); i >= 0 {
				line = line[:i]
			}
			code = append(code, strings.ToLower(line))
		}
		sql := strings.Join(code, "\n")
		for _, f := range newerThan340 {
			if strings.Contains(sql, f) {
				t.Errorf("%s uses %q, newer than SQLite 3.40", n, f)
			}
		}
	}
}

// TestArchiveReadsInPythonAndShell opens a real archive with Python's
// sqlite3 module and the sqlite3 shell, when installed, and runs an FTS5
// query through the built-in tokenizer.
func TestArchiveReadsInPythonAndShell(t *testing.T) {
	db, _ := smallArchive(t)
	path := db.Path()
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if py, err := exec.LookPath("python3"); err != nil {
		t.Log("python3 not installed: skipping the Python check")
	} else {
		script := `import sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
n = c.execute("SELECT count(*) FROM decisions").fetchone()[0]
hits = c.execute("SELECT count(*) FROM search WHERE search MATCH 'text_keys : sopimus'").fetchone()[0]
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
print(sqlite3.sqlite_version, n, hits, ok)`
		out, err := exec.Command(py, "-c", script, path).CombinedOutput()
		if err != nil {
			t.Fatalf("python3: %v\n%s", err, out)
		}
		f := strings.Fields(string(out))
		if len(f) != 4 || f[1] == "0" || f[2] == "0" || f[3] != "ok" {
			t.Errorf("python3 read: %s", out)
		}
		t.Logf("python3 sqlite3 %s: %s decisions, %s hits for sopimus, integrity %s", f[0], f[1], f[2], f[3])
	}
	if sh, err := exec.LookPath("sqlite3"); err != nil {
		t.Log("sqlite3 shell not installed: skipping the shell check")
	} else {
		out, err := exec.Command(sh, "-readonly", path,
			"SELECT count(*) FROM search WHERE search MATCH 'title_keys : sopimus OR text_revs : sumipos*';").CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) == "0" {
			t.Errorf("sqlite3 shell: %v\n%s", err, out)
		}
	}
}
