package web

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/parallax-news/parallax/internal/compare"
	"github.com/parallax-news/parallax/internal/compare/comparetest"
	"github.com/parallax-news/parallax/internal/report"
)

// The browser tests drive Debian's chromium headless (PARALLAX_CHROMIUM
// names another binary). They skip when it is absent; .ci/run installs it.
// Screenshots go to PARALLAX_SCREENSHOTS, else a new directory under the
// system's temporary directory, and their paths are logged.

func browser(t *testing.T) context.Context {
	t.Helper()
	bin := os.Getenv("PARALLAX_CHROMIUM")
	if bin == "" {
		for _, name := range []string{"chromium", "chromium-browser"} {
			if p, err := exec.LookPath(name); err == nil {
				bin = p
				break
			}
		}
	}
	if bin == "" && os.Getenv("PARALLAX_REQUIRE_BROWSER") != "" {
		t.Fatal("no chromium on PATH and PARALLAX_REQUIRE_BROWSER is set (CI sets it: the browser tests must run there)")
	}
	if bin == "" {
		t.Skip("browser tests skipped: no chromium on PATH (apt-get install chromium, or set PARALLAX_CHROMIUM)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(bin), chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.WindowSize(1366, 900))
	actx, cancel := chromedp.NewExecAllocator(t.Context(), opts...)
	t.Cleanup(cancel)
	ctx, cancel2 := chromedp.NewContext(actx)
	t.Cleanup(cancel2)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium %s: %v", bin, err)
	}
	// Every console error, exception and browser-log warning (a CSP
	// violation is one) fails the test.
	var mu sync.Mutex
	var problems []string
	cctx, stop := context.WithCancel(ctx)
	msgs := chromedp.Console(cctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.Type == chromedp.ConsoleException || m.Type == chromedp.ConsoleWarning ||
				strings.Contains(m.Text, "Content Security Policy") {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s %s: %s", m.Type, m.URL, m.Text))
				mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		stop()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, p := range problems {
			t.Errorf("browser console: %s", p)
		}
	})
	return ctx
}

// screenshot saves a full-page screenshot outside the repository and logs
// its path.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("PARALLAX_SCREENSHOTS")
	if dir == "" {
		var err error
		if dir, err = os.MkdirTemp("", "parallax-screens-"); err != nil {
			t.Fatal(err)
		}
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot of the %s: %s", strings.TrimSuffix(name, filepath.Ext(name)), path)
}

// cells reads the coverage matrix: one string per row, a symbol per
// outlet, and every cell's link target.
const readMatrix = `(() => {
  const rows = [...document.querySelectorAll("table.matrix tbody tr")].map(tr =>
    [...tr.querySelectorAll("td.cell a")].map(a => a.textContent).join(""));
  const hrefs = [...document.querySelectorAll("table.matrix td.cell a")].map(a => a.getAttribute("href"));
  const missing = hrefs.filter(h => !document.getElementById(h.slice(1)));
  const cols = [...document.querySelectorAll("table.matrix thead th.col")].map(th => th.getAttribute("title"));
  return {rows, cols, missing};
})()`

type matrix struct {
	Rows    []string `json:"rows"`
	Cols    []string `json:"cols"`
	Missing []string `json:"missing"`
}

// do runs the steps, failing the test on an error.
func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a script in the page.
func eval[T any](t *testing.T, ctx context.Context, script string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](script))
	if err != nil {
		t.Fatalf("evaluate %.60s: %v", script, err)
	}
	return v
}

// text is the visible text of the first element matching sel.
func text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return v
}

func TestBrowser(t *testing.T) {
	ctx := browser(t)
	d := newFake(t)
	c := newServer(t, d, Options{Poll: time.Second})
	feeds := feedServer(t)
	base := c.srv.URL

	t.Run("stories", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`#stories`)))
		list := text(t, ctx, `#stories`)
		if !strings.Contains(list, "Ferry crews strike at Port Elling") || !strings.Contains(list, "Elling library reopens <img") {
			t.Errorf("stories page reads:\n%s", list)
		}
		if n := eval[int](t, ctx, `document.querySelectorAll("#stories a.badge").length`); n != 7 {
			t.Errorf("stories page holds %d outlet badges; want 7 (5 + 2)", n)
		}
	})

	t.Run("keyboard", func(t *testing.T) {
		do(t, ctx, chromedp.KeyEvent("\t"))
		if cls := eval[string](t, ctx, `document.activeElement.className`); cls != "skip" {
			t.Errorf("first Tab focuses %q; want the skip link", cls)
		}
		do(t, ctx, chromedp.KeyEvent("\t"))
		if o := eval[string](t, ctx, `getComputedStyle(document.activeElement).outlineStyle`); o == "none" || o == "" {
			t.Errorf("focused link has no visible outline (outline-style %q)", o)
		}
	})

	t.Run("story", func(t *testing.T) {
		do(t, ctx,
			chromedp.Navigate(base+"/"),
			chromedp.Click(chromedp.CSS(`a.story-link[href="/stories/s-1"]`), chromedp.NodeVisible),
			chromedp.WaitVisible(chromedp.CSS(`table.matrix`)),
		)
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(title, "Ferry crews strike at Port Elling") {
			t.Errorf("story page title %q", title)
		}
		m := eval[matrix](t, ctx, readMatrix)
		if len(m.Cols) != 5 || len(m.Rows) == 0 {
			t.Fatalf("matrix: %d columns, %d rows; want 5 outlets and some facts: %+v", len(m.Cols), len(m.Rows), m)
		}
		if len(m.Missing) > 0 {
			t.Errorf("matrix cells link nowhere: %v", m.Missing)
		}
		// The first row is the fact every outlet reports: the crews walked
		// out and the crossings stopped.
		if m.Rows[0] != strings.Repeat("✔", 5) {
			t.Errorf("matrix rows %q; want the first reported by all five", m.Rows)
		}
		for _, r := range m.Rows {
			if strings.Trim(r, "✔✕?") != "" || len([]rune(r)) != 5 {
				t.Errorf("matrix row %q: want one of ✔ ✕ ? per outlet", r)
			}
		}
		legend := text(t, ctx, `.legend`)
		for _, w := range []string{"reported", "not reported", "unclear", "cannot all be true", "word differently"} {
			if !strings.Contains(legend, w) {
				t.Errorf("legend without %q", w)
			}
		}
		// Five outlets side by side on a laptop screen: the five columns
		// share one row and end inside the 1366 px window.
		tops := eval[[]float64](t, ctx, `[...document.querySelectorAll(".articles article.col")].map(e => e.getBoundingClientRect().top)`)
		right := eval[float64](t, ctx, `Math.max(...[...document.querySelectorAll(".articles article.col")].map(e => e.getBoundingClientRect().right)) - window.innerWidth`)
		if len(tops) != 5 || tops[0] != tops[4] || right > 0 {
			t.Errorf("articles: tops %v, right edge %.0f px past the window; want 5 in one row within 1366 px", tops, right)
		}
		screenshot(t, ctx, "story-page.png")
		// A cell opens the outlet's sentence.
		do(t, ctx, chromedp.Click(chromedp.CSS(`table.matrix tbody tr:first-child td.cell:nth-of-type(3) a`), chromedp.NodeVisible))
		target := eval[string](t, ctx, `document.querySelector(":target") ? document.querySelector(":target").textContent : ""`)
		if !strings.Contains(target, "Skerry Island") {
			t.Errorf("a matrix cell opened %q; want the outlet's sentence", target)
		}
	})

	t.Run("new article without reload", func(t *testing.T) {
		do(t, ctx, chromedp.Navigate(base+"/stories/s-1"), chromedp.WaitVisible(chromedp.CSS(`table.matrix`)))
		eval[bool](t, ctx, `window.parallaxMarker = true`)
		d.add("s-1", doc(t, "h1", "Quay Weekly", "Ferry strike, day one", "", time.Date(2031, 5, 13, 12, 0, 0, 0, time.UTC),
			"Ferry crews at Port Elling walked out on Tuesday, halting crossings to Skerry Island."))
		do(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#art-F`))) // the sixth article's column
		if !eval[bool](t, ctx, `window.parallaxMarker === true`) {
			t.Error("the page reloaded to show the new article")
		}
	})

	t.Run("search", func(t *testing.T) {
		do(t, ctx,
			chromedp.Navigate(base+"/"),
			chromedp.WaitVisible(chromedp.CSS(`#q`)),
			// Enter fires htmx's "search" trigger; were htmx not running
			// yet, it submits the form: either way the list changes, so
			// the wait below cannot hang on a lost keystroke event.
			chromedp.SendKeys(chromedp.CSS(`#q`), "library\r"),
			chromedp.WaitNotPresent(chromedp.CSS(`a.story-link[href="/stories/s-1"]`)),
		)
		if list := text(t, ctx, `#stories`); !strings.Contains(list, "Elling library reopens") {
			t.Errorf("search for library lists:\n%s", list)
		}
		// Without script the form searches too.
		do(t, ctx, chromedp.Navigate(base+"/?q=skerry"), chromedp.WaitVisible(chromedp.CSS(`#stories`)))
		if list := text(t, ctx, `#stories`); !strings.Contains(list, "Ferry crews") || strings.Contains(list, "library") {
			t.Errorf("search for skerry lists:\n%s", list)
		}
	})

	t.Run("add feed", func(t *testing.T) {
		do(t, ctx,
			chromedp.Navigate(base+"/feeds"),
			chromedp.WaitVisible(chromedp.CSS(`#feed-url`)),
			chromedp.SendKeys(chromedp.CSS(`#feed-url`), feeds.URL+"/feed.xml"),
			chromedp.Click(chromedp.CSS(`form.addfeed button`), chromedp.NodeVisible),
			chromedp.WaitVisible(chromedp.CSS(`table.feeds`)),
		)
		if table := text(t, ctx, `table.feeds`); !strings.Contains(table, "Port Elling Gazette") || !strings.Contains(table, "ok") {
			t.Errorf("feeds after adding one:\n%s", table)
		}
	})

	t.Run("200 percent zoom", func(t *testing.T) {
		// 200 % zoom on a 1366 px screen is a 683 px wide window: the
		// pages reflow without scrolling sideways (the matrix and the
		// articles scroll in their own boxes).
		for _, path := range []string{"/", "/stories/s-1", "/feeds"} {
			do(t, ctx, chromedp.EmulateViewport(683, 450), chromedp.Navigate(base+path), chromedp.WaitReady(chromedp.CSS(`body`)))
			if over := eval[float64](t, ctx, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); over > 0 {
				t.Errorf("%s at 683 px: the page is %.0f px wider than the window", path, over)
			}
		}
		screenshot(t, ctx, "story-page-narrow.png")
		do(t, ctx, chromedp.EmulateViewport(1366, 900))
	})
}

// TestBrowserReportFile loads the file `compare --format html` writes and
// reads its matrix and legend.
func TestBrowserReportFile(t *testing.T) {
	ctx := browser(t)
	var b bytes.Buffer
	if err := report.WriteHTML(&b, compare.Compare(comparetest.Bridge(), compare.Options{})); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "story.html")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	do(t, ctx, chromedp.Navigate("file://"+path), chromedp.WaitVisible(chromedp.CSS(`table.matrix`)))
	m := eval[matrix](t, ctx, readMatrix)
	if len(m.Cols) != 3 || len(m.Rows) == 0 || len(m.Missing) > 0 {
		t.Errorf("report file matrix: %+v; want 3 outlets, some rows, every link resolving", m)
	}
	for _, r := range m.Rows {
		if strings.Trim(r, "✔✕?") != "" {
			t.Errorf("report file matrix row %q", r)
		}
	}
	if legend := text(t, ctx, `.legend`); !strings.Contains(legend, "not reported") {
		t.Errorf("report file legend: %q", legend)
	}
	// The embedded stylesheet applies under the file's own CSP.
	if bg := eval[string](t, ctx, `getComputedStyle(document.querySelector("td.cell.yes")).backgroundColor`); bg == "" || bg == "rgba(0, 0, 0, 0)" {
		t.Errorf("report file: the stylesheet did not apply (cell background %q)", bg)
	}
	screenshot(t, ctx, "report-file.png")
}
