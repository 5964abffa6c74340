package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/scrape"
	"github.com/minutes-fi/minutes/store"
)

func (a *app) newSourcesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "sources",
		Short: "Manage the Dynasty sites that sync polls",
		Long: `A source is one Dynasty site, named by its base URL: scheme, host and any path
prefix before /cgi/DREQUEST.PHP, for example https://dynasty.virolahti.fi or
https://poytakirjat.haapajarvi.fi/D10_Haapajarvi.

The binary carries a registry of the 169 Dynasty sites known to the project
('minutes sources known'); 'sources add --known NAME' registers one of those by
name, 'sources add --known --all' all of them. 'sources check' asks each one
what answers (Dynasty, moved, another system, gone), and 'sources list' shows
how each has fared.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(a.newSourcesKnownCmd(), a.newSourcesAddCmd(), a.newSourcesRemoveCmd(), a.newSourcesListCmd(),
		a.newSourcesCheckCmd())
	return cmd
}

type sourcesKnownOptions struct{ json bool }

func (a *app) newSourcesKnownCmd() *cobra.Command {
	opts := &sourcesKnownOptions{}
	cmd := &cobra.Command{
		Use:   "known",
		Short: "List the Dynasty sources known to this binary",
		Long: `List the registry of Dynasty sources embedded in the binary: name, status,
organisation and base URL. Status "seen" means a real item page under that base
was seen; "reported" means named in others' public scraper configurations and
not verified. Sites move between platforms, so some may be dead. An organisation
shown as "-" is learned from the site's own pages at its first sync.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runSourcesKnown(opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON lines instead of a table")
	return cmd
}

func (a *app) runSourcesKnown(opts *sourcesKnownOptions) error {
	known := scrape.Known()
	if opts.json {
		enc := newJSONEncoder(a.stdout)
		for _, k := range known {
			if err := enc.Encode(k); err != nil {
				return err
			}
		}
		return nil
	}
	t := a.newTable("NAME", "STATUS", "ORGANISATION", "BASE URL")
	for _, k := range known {
		org := k.Organization
		if org == "" {
			org = "-" // learned from the site at its first sync
		}
		t.row(k.Name, k.Status, org, k.BaseURL)
	}
	return t.flush()
}

type sourcesAddOptions struct {
	known, all bool
	org        string
}

func (a *app) newSourcesAddCmd() *cobra.Command {
	opts := &sourcesAddOptions{}
	cmd := &cobra.Command{
		Use:   "add NAME URL | add --known NAME...",
		Short: "Register a source for sync",
		Long: `Register a Dynasty site for 'minutes sync'.

NAME is a short slug of your choosing (letters, digits, '-' and '_'); URL is the
site's base URL: http(s), a host, and an optional path prefix. A full Dynasty
URL pasted from a browser (…/cgi/DREQUEST.PHP?page=…) is cut back to its base.`,
		Example: `  minutes sources add virolahti https://dynasty.virolahti.fi
  minutes sources add haapajarvi https://poytakirjat.haapajarvi.fi/D10_Haapajarvi --org "Haapajärven kaupunki"
  minutes sources add --known kemijarvi porvoo
  minutes sources add --known --all`,
		RunE:              func(cmd *cobra.Command, args []string) error { return a.runSourcesAdd(cmd.Context(), opts, args) },
		ValidArgsFunction: knownSources,
	}
	cmd.Flags().BoolVar(&opts.known, "known", false, "add sources from the embedded registry by name")
	cmd.Flags().BoolVar(&opts.all, "all", false, "with --known: add every source of the registry not registered yet")
	cmd.Flags().StringVar(&opts.org, "org", "", "organisation name to show for the source")
	return cmd
}

// shortName is the form of the names a user gives sources and watches.
var shortName = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,62}$`)

// validName checks a source's or watch's name (kind says which).
func validName(kind, name string) error {
	if !shortName.MatchString(name) {
		return usagef("%s name %q: use lower-case letters, digits, '-' and '_' (at most 63), starting with a letter or digit", kind, name)
	}
	return nil
}

func (a *app) runSourcesAdd(ctx context.Context, opts *sourcesAddOptions, args []string) error {
	type addition struct{ name, url, org string }
	var adds []addition
	switch {
	case opts.all && (!opts.known || len(args) > 0):
		return usagef("--all goes with --known and no names: 'minutes sources add --known --all'")
	case opts.all:
		for _, k := range scrape.Known() {
			adds = append(adds, addition{k.Name, k.BaseURL, k.Organization})
		}
	case opts.known:
		if len(args) == 0 {
			return usagef("sources add --known: name at least one known source (see 'minutes sources known'), or --all")
		}
		for _, name := range args {
			k, ok := scrape.LookupKnown(name)
			if !ok {
				return usagef("%q is not a known source; 'minutes sources known' lists them", name)
			}
			adds = append(adds, addition{k.Name, k.BaseURL, k.Organization})
		}
	default:
		if len(args) != 2 {
			return usagef("sources add takes NAME and URL (or --known NAME...), got %d argument(s)", len(args))
		}
		if err := validName("source", args[0]); err != nil {
			return err
		}
		base, err := scrape.ParseBaseURL(args[1])
		if err != nil {
			return usageError{err}
		}
		adds = append(adds, addition{args[0], base.String(), opts.org})
	}
	db, _, err := a.openArchive(ctx)
	if err != nil {
		return err
	}
	defer db.Close()
	already := 0
	for _, add := range adds {
		src, err := db.AddSource(ctx, add.name, add.url, add.org)
		if errors.Is(err, store.ErrExists) && opts.all {
			already++ // --all adds what is missing
			continue
		}
		if errors.Is(err, store.ErrExists) {
			return fmt.Errorf("source %q (%s): a registered source already has that name or URL", add.name, add.url)
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(a.stdout, "added %s\t%s\n", src.Name, src.BaseURL)
	}
	if opts.all {
		fmt.Fprintf(a.stderr, "%d known sources added, %d already registered\n", len(adds)-already, already)
	}
	return nil
}

func (a *app) newSourcesRemoveCmd() *cobra.Command {
	return &cobra.Command{
		Use:               "remove NAME",
		Short:             "Stop syncing a source (its archived decisions are kept)",
		Args:              exactArgs(1, "sources remove takes the NAME of a registered source"),
		ValidArgsFunction: a.registeredSources,
		RunE: func(cmd *cobra.Command, args []string) error {
			db, _, err := a.openArchive(cmd.Context())
			if err != nil {
				return err
			}
			defer db.Close()
			err = db.RemoveSource(cmd.Context(), args[0])
			if errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("no registered source named %q ('minutes sources list' shows them)", args[0])
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stdout, "removed %s (its archived items are kept)\n", args[0])
			return nil
		},
	}
}

type sourcesListOptions struct{ json bool }

func (a *app) newSourcesListCmd() *cobra.Command {
	opts := &sourcesListOptions{}
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List registered sources with their health",
		Long: `List the registered sources with their health: when a sync last succeeded,
the last error and when it happened, and how many items the archive holds.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return a.runSourcesList(cmd.Context(), opts) },
	}
	cmd.Flags().BoolVar(&opts.json, "json", false, "print JSON lines instead of a table")
	return cmd
}

// sourceJSON is the documented JSON shape of a source's health.
type sourceJSON struct {
	Name          string `json:"name"`
	Organization  string `json:"organization"`
	BaseURL       string `json:"base_url"`
	Items         int    `json:"items"`
	LastSuccessAt string `json:"last_success_at,omitempty"`
	LastErrorAt   string `json:"last_error_at,omitempty"`
	LastError     string `json:"last_error,omitempty"`
	FailedRuns    int    `json:"failed_runs"`
	FailingSince  string `json:"failing_since,omitempty"`
}

func (a *app) runSourcesList(ctx context.Context, opts *sourcesListOptions) error {
	// Read-only: it works on an archive shared read-only, and while a sync runs.
	var sources []store.Source
	db, err := a.openReadOnly(ctx)
	switch {
	case errors.Is(err, store.ErrNoArchive):
		// No archive yet: nothing registered.
	case err != nil:
		return err
	default:
		defer db.Close()
		if sources, err = db.Sources(ctx); err != nil {
			return err
		}
	}
	if len(sources) == 0 && !opts.json {
		fmt.Fprintln(a.stderr, "No sources registered. Add one with 'minutes sources add NAME URL' or 'minutes sources add --known NAME' ('minutes sources known' lists them).")
		return nil
	}
	if opts.json {
		enc := newJSONEncoder(a.stdout)
		for _, s := range sources {
			if err := enc.Encode(sourceJSON{
				Name: s.Name, Organization: s.Organization, BaseURL: s.BaseURL, Items: s.Items,
				LastSuccessAt: formatTime(s.LastSuccessAt), LastErrorAt: formatTime(s.LastErrorAt), LastError: s.LastError,
				FailedRuns: s.FailedRuns, FailingSince: formatTime(s.FailingSince),
			}); err != nil {
				return err
			}
		}
		return nil
	}
	t := a.newTable("NAME", "ORGANISATION", "BASE URL", "ITEMS", "LAST SUCCESS", "FAILING", "LAST ERROR")
	for _, s := range sources {
		lastErr := "-"
		if !s.LastErrorAt.IsZero() && s.LastErrorAt.After(s.LastSuccessAt) {
			lastErr = formatTime(s.LastErrorAt) + " " + oneLine(s.LastError)
		}
		last := formatTime(s.LastSuccessAt)
		if last == "" {
			last = "never"
		}
		failing := "-"
		if s.FailedRuns > 0 {
			failing = fmt.Sprintf("%d runs since %s", s.FailedRuns, formatTime(s.FailingSince))
			if s.Dormant(a.now()) {
				failing += " (dormant: tried once a day)"
			}
		}
		org := s.Organization
		if org == "" {
			org = "-" // learned from the site's own pages at its first sync
		}
		t.row(s.Name, org, s.BaseURL, fmt.Sprint(s.Items), last, failing, lastErr)
	}
	return t.flush()
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

// exactArgs is cobra.ExactArgs with a message that says what is expected.
func exactArgs(n int, msg string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s", msg)
		}
		return nil
	}
}
