package extract_test

import (
	"fmt"
	"strings"

	"github.com/parallax-news/parallax/internal/extract"
)

func ExampleExtract() {
	page := `<html><head><title>Council backs cycle lanes</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<meta property="article:modified_time" content="2024-05-03T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council backs cycle lanes</h1>
<p>The town council voted on Tuesday to build four kilometres of protected cycle lanes along the river road by next spring.</p>
<p>Work will start in September, the council said, and the road will stay open to cars in both directions during construction.</p>
<p>Share on Facebook</p></article>
<footer>© 2024 Town News</footer></body></html>`
	a, err := extract.Extract(strings.NewReader(page), extract.Options{URL: "https://town.example/news/cycle-lanes"})
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(a.Title)
	fmt.Println(a.Published.Format("2006-01-02"))
	fmt.Println(a.Text)
	// Output:
	// Council backs cycle lanes
	// 2024-05-02
	// The town council voted on Tuesday to build four kilometres of protected cycle lanes along the river road by next spring.
	//
	// Work will start in September, the council said, and the road will stay open to cars in both directions during construction.
}
