package main

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/minutes-fi/minutes/parse"
	"github.com/minutes-fi/minutes/scrape"
)

// Shell completion ('minutes completion bash|zsh|fish|powershell'): flag
// values from fixed lists, source names from the archive and the registry.

// completeWith registers a fixed list of values for a flag.
func completeWith(cmd *cobra.Command, flag string, values ...string) {
	_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return values, cobra.ShellCompDirectiveNoFileComp
	})
}

// outcomeValues are the --outcome values; completion takes them one at a
// time after a comma too.
func outcomeValues(_ *cobra.Command, _ []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	done := ""
	if i := strings.LastIndex(toComplete, ","); i >= 0 {
		done = toComplete[:i+1]
	}
	var out []string
	for _, o := range parse.Outcomes {
		out = append(out, done+string(o))
	}
	return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
}

// registeredSources completes the names of the archive's registered
// sources; nothing when there is no archive yet.
func (a *app) registeredSources(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	db, err := a.openReadOnly(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	defer db.Close()
	srcs, err := db.Sources(cmd.Context())
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, s := range srcs {
		out = append(out, s.Name+"\t"+s.Organization)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// knownSources completes the names of the embedded registry, for
// 'sources add --known'.
func knownSources(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	if known, _ := cmd.Flags().GetBool("known"); !known {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, k := range scrape.Known() {
		out = append(out, k.Name+"\t"+k.Organization)
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
