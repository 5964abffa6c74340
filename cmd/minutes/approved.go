package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/store"
)

type approvedOptions struct {
	filterFlags
	format string
}

func (a *app) newApprovedCmd() *cobra.Command {
	opts := &approvedOptions{filterFlags: filterFlags{noOrgBody: true, query: true}}
	cmd := &cobra.Command{
		Use:   "approved QUERY",
		Short: "Which organisations approved a matter",
		Long: `List the organisations that approved a matter, one row per organisation: body,
date, §, outcome, whether unanimous, and the page URL. Then the organisations
whose matching items ended otherwise (tabled, returned, rejected, pending, …),
and how many archived organisations have no matching item at all.

QUERY names the matter in your words, with the same Finnish-aware matching and
query language as 'minutes search' (inflected forms, compounds and their parts
written apart). Organisations word a matter their own way, so a title need not
hold every word: it names the matter when the query words it holds weigh at
least half of the query, a word weighing more the fewer titles hold it, or at
least a quarter when the item's own text holds the rest of the words (WORDS
then ends in "+ text"). A title must hold a word of the query that names the
matter: not a year, not a word of what is done or when (vahvistaminen,
määrääminen, vuodelle), which weigh less; stop words (ja, sekä, och) weigh
nothing. Words match what the thesaurus calls the same (budjetti:
talousarvio, budget). A compound's broader part that is a compound itself
counts for it, at less than half its weight (veroprosentti for
tuloveroprosentti, kiinteistövero for kiinteistöveroprosentti): with another
query word beside it, never alone. A title that is an instruction about the
matter (Talousarvion laadintaohje 2026) does not name it. The WORDS column shows which words a title held. An organisation whose titles
do not match, but whose own proposal or decision text holds every word, is
listed apart as a weaker match; one that only mentions the matter in its
background text is not listed.

An organisation is one source. Items of one organisation with the same diary
number are one matter handled again; the handling that settled it speaks: a
council (valtuusto, aluevaltuusto) over a board (hallitus, aluehallitus) over
committees; between equals, the latest meeting, and minutes over an agenda.
Approved includes approved with amendments. --explain shows how the query was
read.

On a terminal the two lists are printed as tables under headings; in a pipe
(or with --format tsv) one table with a status column (approved, otherwise),
and the count of organisations without a match on stderr; --format json
prints one object.`,
		Example: `  minutes approved "hyvinvointialueen yhteistyösopimus"
  minutes approved yhteistyösopimus --since 2023-01-01 --format json
  minutes approved tuloveroprosentti 2026 --explain`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("approved needs a QUERY naming the matter")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.runApproved(cmd.Context(), opts, strings.Join(args, " "))
		},
	}
	opts.register(cmd)
	cmd.Flags().StringVar(&opts.format, "format", "table", "table, tsv or json")
	completeWith(cmd, "format", "table", "tsv", "json")
	return cmd
}

// orgJSON is the documented JSON shape of one organisation's decision.
type orgJSON struct {
	Organization string   `json:"organization"`
	Source       string   `json:"source"`
	Body         string   `json:"body"`
	Date         *string  `json:"date"`
	Section      *int     `json:"section"`
	Title        string   `json:"title"`
	Outcome      string   `json:"outcome"`
	Unanimous    *bool    `json:"unanimous"`
	Match        string   `json:"match"`
	Words        []string `json:"words"`
	Handlings    int      `json:"handlings"`
	ID           string   `json:"id"`
	URL          string   `json:"url"`
}

func toOrgJSON(o store.OrgDecision) orgJSON {
	d := o.Decision
	words := o.Words
	if words == nil {
		words = []string{}
	}
	return orgJSON{Organization: o.Organization, Source: d.SourceName, Body: d.Body, Date: stringOrNil(d.MeetingDate),
		Section: d.Section, Title: d.Title, Outcome: string(d.Outcome), Unanimous: d.Unanimous, Match: string(o.Match),
		Words: words, Handlings: o.Handlings, ID: d.ID, URL: d.URL}
}

func (a *app) runApproved(ctx context.Context, opts *approvedOptions, query string) error {
	if err := validFormat("format", opts.format, "table", "tsv", "json"); err != nil {
		return err
	}
	db, f, q, err := a.openQuery(ctx, &opts.filterFlags, query, false)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := db.Approved(ctx, q, f)
	if err != nil {
		return queryError(err)
	}
	a.explainQuery(res.Query, opts.explain)
	if opts.format == "json" {
		out := struct {
			Query     string    `json:"query"`
			Approved  []orgJSON `json:"approved"`
			Otherwise []orgJSON `json:"otherwise"`
			Weak      []orgJSON `json:"mentioned_in_text"`
			Unmatched int       `json:"unmatched_organizations"`
			Stale     int       `json:"stale_sources"`
		}{Query: res.Query.String(), Approved: []orgJSON{}, Otherwise: []orgJSON{}, Weak: []orgJSON{}, Unmatched: res.Unmatched, Stale: res.Stale}
		for _, o := range res.Approved {
			out.Approved = append(out.Approved, toOrgJSON(o))
		}
		for _, o := range res.Otherwise {
			out.Otherwise = append(out.Otherwise, toOrgJSON(o))
		}
		for _, o := range res.Weak {
			out.Weak = append(out.Weak, toOrgJSON(o))
		}
		enc := newJSONEncoder(a.stdout)
		return enc.Encode(out)
	}
	row := func(o store.OrgDecision) []string {
		d := o.Decision
		words := strings.Join(o.Words, " ")
		if o.Match == store.MatchTitleText {
			words += " + text"
		}
		return []string{o.Organization, d.Body, d.MeetingDate, sectionString(d.Section), string(d.Outcome),
			boolString(d.Unanimous), words, d.URL}
	}
	header := []string{"ORGANISATION", "BODY", "DATE", "§", "OUTCOME", "UNANIMOUS", "WORDS", "URL"}
	if opts.format == "tsv" || !a.stdoutTTY {
		var rows [][]string
		for _, l := range []struct {
			status string
			list   []store.OrgDecision
		}{{"approved", res.Approved}, {"otherwise", res.Otherwise}, {"text", res.Weak}} {
			for _, o := range l.list {
				rows = append(rows, append([]string{l.status}, row(o)...))
			}
		}
		if err := writeTSV(a, []string{"status", "organization", "body", "date", "section", "outcome", "unanimous", "words", "url"}, rows); err != nil {
			return err
		}
		fmt.Fprintf(a.stderr, "%d approved, %d ended otherwise, %d mentioned only in a proposal or decision text, %d archived organisations with no matching item\n",
			len(res.Approved), len(res.Otherwise), len(res.Weak), res.Unmatched)
		a.staleNote(res.Stale)
		return nil
	}
	section := func(title string, list []store.OrgDecision) error {
		fmt.Fprintf(a.stdout, "%s (%d)\n", title, len(list))
		if len(list) == 0 {
			return nil
		}
		t := a.newTable(header...)
		for _, o := range list {
			r := row(o)
			// URLs are only useful whole: the names give way instead.
			r[0], r[1], r[6] = truncate(r[0], 30), truncate(r[1], 30), truncate(r[6], 30)
			t.row(r...)
		}
		return t.flush()
	}
	if err := section("Approved by", res.Approved); err != nil {
		return err
	}
	fmt.Fprintln(a.stdout)
	if err := section("Ended otherwise", res.Otherwise); err != nil {
		return err
	}
	if len(res.Weak) > 0 {
		fmt.Fprintln(a.stdout)
		if err := section("Titles do not match, but the proposal or decision speaks of it (weaker)", res.Weak); err != nil {
			return err
		}
	}
	fmt.Fprintf(a.stdout, "\n%d archived organisations have no matching item.\n", res.Unmatched)
	a.staleNote(res.Stale)
	return nil
}

// staleNote says how many registered sources have not synced lately, so
// that a missing row is not read as a "no".
func (a *app) staleNote(stale int) {
	if stale > 0 {
		fmt.Fprintf(a.stderr, "%d registered sources have not synced successfully in the last %d days: a missing organisation may be one not read ('minutes sources list').\n",
			stale, int(store.StaleAfter.Hours()/24))
	}
}
