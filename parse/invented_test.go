package parse

// inventedHead is the top of an invented Dynasty item page as the stored
// texts show it: the site header with the organisation, the RSS links, the
// body and the document line ("Pöytäkirja 24.02.2021/Pykälä 12").
func inventedHead(org, body, doc string) string {
	return "Dynasty tietopalvelu Haku RSS " + org + "\nRSS-linkki\nKokousasiat:\n" +
		"https://x.oncloudos.com:443/cgi/DREQUEST.PHP?page=rss/meetingitems&show=30\nKokoukset:\n" +
		"https://x.oncloudos.com:443/cgi/DREQUEST.PHP?page=rss/meetings&show=30\n" + body + "\n" + doc + "\n"
}
