package reports

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/wafr-dev/wafr/internal/lensgen"
	"github.com/wafr-dev/wafr/questions"
	"github.com/wafr-dev/wafr/review"
)

// The browser tests open the pages in headless Chromium (Debian's chromium
// package; .ci/run installs it) and read back what a reader sees. They skip
// only when no Chromium is installed.

// chromiumPath finds Chromium: $WAFR_CHROMIUM, else on the PATH.
func chromiumPath() string {
	if p := os.Getenv("WAFR_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// startBrowser starts one headless Chromium for a test, with a fresh
// profile and nothing running in the background; it stops with the test.
func startBrowser(t *testing.T) context.Context {
	t.Helper()
	path := chromiumPath()
	if path == "" {
		t.Skip("skipping the browser tests: Chromium is not installed (apt-get install chromium, as .ci/run does; or set WAFR_CHROMIUM)")
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		// Chromium keeps its singleton socket in a folder under TMPDIR
		// that it does not remove when stopped; keep it in the test's.
		chromedp.Env("TMPDIR="+t.TempDir()),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser; it must not carry a timeout (that
	// would stop the browser), so a hung start is caught here instead.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("start %s: %v", path, err)
		}
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatalf("%s did not start in 20 s", path)
	}
	return ctx
}

// tab is one page open in the browser, with what it wrote to the console
// and every request it made.
type tab struct {
	t        *testing.T
	ctx      context.Context
	url      string
	mu       sync.Mutex
	problems []string // console errors and warnings, exceptions
	requests []string
}

// open writes page to a file and opens it from disk in a new tab at the
// given viewport size. Every step has a deadline, so a hung browser fails
// the test quickly.
func open(t *testing.T, browser context.Context, name string, page []byte, width, height int64) *tab {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	tctx, cancelTab := chromedp.NewContext(browser)
	t.Cleanup(cancelTab)
	tb := &tab{t: t, url: (&url.URL{Scheme: "file", Path: file}).String()}
	if err := chromedp.Listen(tctx, tb.record); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(tctx, 15*time.Second)
	t.Cleanup(cancel)
	tb.ctx = ctx
	tb.do(tb.viewport(width, height), chromedp.Navigate(tb.url))
	return tb
}

func (tb *tab) record(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeWarning || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				args = append(args, string(a.Value)+a.Description)
			}
			tb.problems = append(tb.problems, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		tb.problems = append(tb.problems, "exception: "+msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
			tb.problems = append(tb.problems, fmt.Sprintf("log %s (%s): %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text))
		}
	case *network.EventRequestWillBeSent:
		tb.requests = append(tb.requests, ev.Request.URL)
	}
}

func (tb *tab) do(steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatal(err)
	}
}

func (tb *tab) viewport(width, height int64) chromedp.Action[chromedp.Void] {
	if width < 600 {
		return chromedp.EmulateViewport(width, height, chromedp.EmulateScale(2), chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(width, height)
}

// eval runs a script in the page and decodes its result into v.
func eval[T any](tb *tab, script string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](script))
	if err != nil {
		tb.t.Fatalf("%v\n%s", err, script)
	}
	return v
}

// pause lets the page paint and wait d.
func (tb *tab) pause(d time.Duration) {
	tb.t.Helper()
	script := fmt.Sprintf(`new Promise(r => requestAnimationFrame(() => setTimeout(() => r(true), %d)))`, d.Milliseconds())
	if _, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](script, chromedp.EvalAwaitPromise)); err != nil {
		tb.t.Fatal(err)
	}
}

// media emulates a media type ("print", or "" for the screen) and colour
// scheme ("dark", "light").
func (tb *tab) media(typ, scheme string) {
	tb.t.Helper()
	tb.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: typ,
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}}})
		return err
	}))
}

// checkQuiet fails on any console error or warning, and on any request
// but the document itself.
func (tb *tab) checkQuiet() {
	tb.t.Helper()
	// Give late events (a lazy image, a style sheet) a moment to arrive.
	tb.pause(50 * time.Millisecond)
	tb.mu.Lock()
	defer tb.mu.Unlock()
	for _, p := range tb.problems {
		tb.t.Errorf("console: %s", p)
	}
	for _, u := range tb.requests {
		if u != tb.url {
			tb.t.Errorf("network request: %s", u)
		}
	}
}

// artifactDir is where screenshots and PDFs go: $WAFR_ARTIFACTS/TEST when
// set (CI keeps it), else the test's temporary folder.
func artifactDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if base := os.Getenv("WAFR_ARTIFACTS"); base != "" {
		dir = filepath.Join(base, strings.ReplaceAll(t.Name(), "/", "_"))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// screenshot saves the viewport as a PNG artefact (not a golden); with
// full, the whole page.
func (tb *tab) screenshot(dir, name string, full ...bool) {
	tb.t.Helper()
	shot := chromedp.CaptureScreenshot()
	if len(full) > 0 && full[0] {
		shot = chromedp.FullScreenshot(100)
	}
	png, err := chromedp.Run(tb.ctx, shot)
	if err != nil {
		tb.t.Fatal(err)
	}
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		tb.t.Fatalf("%s: not a PNG", name)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot %s", path)
}

// browserBar is a pillar's bar as the browser draws it.
type browserBar struct {
	Name     string
	Width    float64
	Segments []struct {
		Risk  string
		Count int
		Width float64
		Fill  string
	}
}

// The report in a real browser: nothing loaded, nothing logged; the bars
// drawn in proportion to the counts; one trend point per milestone and
// the current state; light, dark and print styles apply; and screenshots
// at desktop and phone size.
func TestHTMLInBrowser(t *testing.T) {
	browser := startBrowser(t)
	dir := artifactDir(t)
	s, rows := milestoneFixture(t)
	page := renderHTML(t, s, HTMLOptions{History: rows})

	// The harness itself: a page that loads an image from the network and
	// writes a console error is caught on both counts.
	t.Run("harness", func(t *testing.T) {
		bad := []byte(`<!DOCTYPE html><title>bad</title><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>`)
		tb := open(t, browser, "bad.html", bad, 800, 600)
		tb.pause(100 * time.Millisecond)
		tb.mu.Lock()
		defer tb.mu.Unlock()
		var sawImage, sawError bool
		for _, u := range tb.requests {
			sawImage = sawImage || u == "http://127.0.0.1:9/x.png"
		}
		for _, p := range tb.problems {
			sawError = sawError || strings.Contains(p, "boom")
		}
		if !sawImage || !sawError {
			t.Errorf("the harness missed a request (%v) or a console error (%v): %q %q", sawImage, sawError, tb.requests, tb.problems)
		}
	})

	t.Run("desktop", func(t *testing.T) {
		tb := open(t, browser, "plan.html", page, 1280, 800)
		bars := eval[[]browserBar](tb, `[...document.querySelectorAll("table.pillars tr")].filter(tr => tr.querySelector("svg.bar")).map(tr => ({
			Name: tr.querySelector("th").textContent,
			Width: tr.querySelector("svg.bar").getBoundingClientRect().width,
			Segments: [...tr.querySelectorAll("rect[data-count]")].map(r => ({Risk: r.dataset.risk, Count: +r.dataset.count,
				Width: r.getBoundingClientRect().width, Fill: getComputedStyle(r).fill}))}))`)
		want := append(append([]Pillar{}, s.Pillars...), Pillar{Name: "Total", Counts: s.Counts})
		if len(bars) != len(want) {
			t.Fatalf("%d bars, want %d", len(bars), len(want))
		}
		for i, b := range bars {
			p := want[i]
			if b.Name != p.Name {
				t.Errorf("bar %d is %q, want %q", i, b.Name, p.Name)
			}
			if b.Width < 100 {
				t.Errorf("%s: the bar is %v px wide", b.Name, b.Width)
			}
			total := 0
			for _, seg := range b.Segments {
				r, _ := questions.ParseRisk(seg.Risk)
				if seg.Count != p.Counts.Of(r) {
					t.Errorf("%s %s: %d drawn, %d in the review", b.Name, seg.Risk, seg.Count, p.Counts.Of(r))
				}
				if wantW := b.Width * float64(seg.Count) / float64(p.Counts.Total()); math.Abs(seg.Width-wantW) > 1 {
					t.Errorf("%s %s: %.1f px of %.1f, want %.1f", b.Name, seg.Risk, seg.Width, b.Width, wantW)
				}
				if seg.Fill != `url("#pat-`+riskClass(r)+`")` {
					t.Errorf("%s %s: fill %s", b.Name, seg.Risk, seg.Fill)
				}
				total += seg.Count
			}
			if total != p.Counts.Total() {
				t.Errorf("%s: segments add up to %d of %d", b.Name, total, p.Counts.Total())
			}
		}
		type point struct {
			Series, Kind, Name string
			Value              int
			Shown              bool
		}
		pts := eval[[]point](tb, `[...document.querySelectorAll("svg.trend-chart g.pt")].map(g => ({Series: g.dataset.series, Kind: g.dataset.point,
			Name: g.dataset.name, Value: +g.dataset.value, Shown: g.getBoundingClientRect().width > 0}))`)
		if len(pts) != 2*len(rows) {
			t.Fatalf("%d trend points, want %d", len(pts), 2*len(rows))
		}
		for i, p := range pts[len(rows):] { // MEDIUM's are drawn first
			if p.Series != "HIGH" || p.Value != rows[i].Counts.High || !p.Shown || (p.Kind == "current") != rows[i].Current {
				t.Errorf("HIGH point %d: %+v, want %d at %s", i, p, rows[i].Counts.High, rows[i].Name)
			}
		}
		// The style sheet applies (its CSP hash matches), in light, dark
		// and print.
		bg := func() string { return eval[string](tb, `getComputedStyle(document.documentElement).backgroundColor`) }
		tb.media("", "light")
		if got := bg(); got != "rgb(255, 255, 255)" {
			t.Errorf("light background %s", got)
		}
		tb.screenshot(dir, "plan-1280x800.png")
		tb.screenshot(dir, "plan-1280-full.png", true)
		tb.media("", "dark")
		if got := bg(); got != "rgb(20, 20, 22)" {
			t.Errorf("dark background %s", got)
		}
		tb.screenshot(dir, "plan-1280x800-dark.png")
		tb.media("print", "dark")
		if got, nav := bg(), eval[string](tb, `getComputedStyle(document.querySelector("nav")).display`); got != "rgb(255, 255, 255)" || nav != "none" {
			t.Errorf("print: background %s, nav %s", got, nav)
		}
		if got := eval[string](tb, `getComputedStyle(document.querySelector("article.item")).breakInside`); got != "avoid" {
			t.Errorf("print: items break inside (%s)", got)
		}
		tb.media("", "")
		pdf, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4)))
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF")) {
			t.Fatalf("print to PDF: %v", err)
		}
		if err := os.WriteFile(filepath.Join(dir, "plan.pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("PDF %s (%d KB)", filepath.Join(dir, "plan.pdf"), len(pdf)/1024)
		tb.checkQuiet()
	})

	t.Run("phone", func(t *testing.T) {
		tb := open(t, browser, "plan.html", page, 390, 844)
		// Nothing sticks out sideways: wide tables scroll in their box.
		if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("the page is %d px wide on a 390 px phone", w)
		}
		if w := eval[float64](tb, `document.querySelector("table.pillars svg.bar").getBoundingClientRect().width`); w < 60 {
			t.Errorf("a pillar bar is %v px wide on a phone", w)
		}
		tb.screenshot(dir, "plan-390x844.png")
		tb.checkQuiet()
	})

	t.Run("hostile", func(t *testing.T) {
		hs, hrows := hostileFixture(t)
		tb := open(t, browser, "hostile.html", renderHTML(t, hs, HTMLOptions{History: hrows}), 1280, 800)
		type state struct {
			Scripts, Images, StyleSheets, Points int
			Pwned                                string
			Hrefs                                []string
			Note, H1                             string
		}
		got := eval[state](tb, `({Scripts: document.scripts.length, Images: document.images.length, StyleSheets: document.styleSheets.length,
			Points: document.querySelectorAll("svg.trend-chart g.pt").length, Pwned: typeof window.__pwned,
			Hrefs: [...document.querySelectorAll("a[href]")].map(a => a.href).filter(h => !h.includes("#")),
			Note: document.querySelectorAll("blockquote.notes")[1].textContent, H1: document.querySelector("h1").textContent})`)
		if got.Scripts != 0 || got.Images != 0 || got.StyleSheets != 1 || got.Pwned != "undefined" {
			t.Errorf("hostile text became markup: %+v", got)
		}
		if got.Points != 2*len(hrows) {
			t.Errorf("%d trend points, want %d: a name closed the chart", got.Points, 2*len(hrows))
		}
		if len(got.Hrefs) != 1 || !strings.HasPrefix(got.Hrefs[0], "https://example.com/") {
			t.Errorf("links %q", got.Hrefs)
		}
		if got.Note != hostileNote || !strings.Contains(got.H1, "<script>") {
			t.Errorf("hostile text not shown as written: %q / %q", got.Note, got.H1)
		}
		tb.screenshot(dir, "hostile-1280x800.png")
		tb.checkQuiet()
	})

	t.Run("japanese", func(t *testing.T) {
		l, err := questions.Load("builtin:ops-ja")
		if err != nil {
			t.Fatal(err)
		}
		r := review.New(l, review.Workload{Name: "決済 API", Environment: review.Production})
		r.Update("operationalExcellence", "OPS1", "鈴木", t0, func(a *review.Answer) {
			a.Selected = []string{"OPS1_users"}
			a.Notes = "手順書がない。" + strings.Repeat("長い日本語のメモが折り返されずにはみ出さないことを確かめる。", 4)
		})
		js := Score(Input{Review: r, Lens: l, Today: t0})
		tb := open(t, browser, "plan-ja.html", renderHTML(t, js, HTMLOptions{Language: l.Language}), 390, 844)
		if lang := eval[string](tb, `document.documentElement.lang`); lang != "ja" {
			t.Errorf("lang %q", lang)
		}
		if h2 := eval[string](tb, `document.querySelector("h2").textContent`); h2 != "概要" {
			t.Errorf("first heading %q", h2)
		}
		if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("the Japanese page is %d px wide on a 390 px phone", w)
		}
		tb.screenshot(dir, "plan-ja-390x844.png")
		tb.checkQuiet()
	})

	t.Run("portfolio", func(t *testing.T) {
		items := portfolioFixture(t)
		var b bytes.Buffer
		if err := WritePortfolioHTML(&b, items, PortfolioOptions{}); err != nil {
			t.Fatal(err)
		}
		tb := open(t, browser, "portfolio.html", b.Bytes(), 1280, 800)
		type row struct {
			Name   string
			Points int
		}
		rows := eval[[]row](tb, `[...document.querySelectorAll("tr.workload")].map(tr => ({Name: tr.querySelector("th").textContent,
			Points: tr.querySelectorAll("svg.spark g.pt[data-series=HIGH]").length}))`)
		if len(rows) != 3 || rows[0].Points != 3 || rows[1].Points != 0 || rows[2].Points != 0 {
			t.Errorf("workload rows %+v", rows)
		}
		cost, _ := scoredMultiPillar(t)
		if n, want := eval[int](tb, `document.querySelectorAll("table.heat td.heat").length`), 3*(1+len(cost.Pillars)); n != want {
			t.Errorf("%d heat cells, want %d", n, want)
		}
		tb.screenshot(dir, "portfolio-1280x800.png")
		tb.do(tb.viewport(390, 844))
		if w := eval[int](tb, `document.documentElement.scrollWidth`); w > 390 {
			t.Errorf("the portfolio is %d px wide on a 390 px phone", w)
		}
		tb.screenshot(dir, "portfolio-390x844.png")
		tb.checkQuiet()
	})

	// The first and last milestones' names show whole inside the chart,
	// and where HIGH and MEDIUM meet both markers show: HIGH's square in
	// the middle, MEDIUM's circle around it.
	t.Run("trend edges", func(t *testing.T) {
		hrows := []HistoryRow{{Name: "Baseline before migration", Counts: scoringCounts(2, 2), Scored: true},
			{Name: "Audit", Counts: scoringCounts(3, 1), Scored: true}, {Name: "current", Current: true, Counts: scoringCounts(2, 2), Scored: true}}
		tb := open(t, browser, "trend.html", renderHTML(t, s, HTMLOptions{History: hrows}), 1280, 800)
		type label struct {
			Text              string
			Left, Right       float64
			BoxLeft, BoxRight float64
		}
		labels := eval[[]label](tb, `(() => { const box = document.querySelector("svg.trend-chart").getBoundingClientRect();
			return [...document.querySelectorAll("svg.trend-chart text.tick")].map(e => { const r = e.getBoundingClientRect();
				return {Text: e.textContent, Left: r.left, Right: r.right, BoxLeft: box.left, BoxRight: box.right}; }); })()`)
		shown := map[string]bool{}
		for _, l := range labels {
			shown[l.Text] = true
			if l.Left < l.BoxLeft-0.5 || l.Right > l.BoxRight+0.5 {
				t.Errorf("label %q spans %.1f-%.1f, beyond the chart's %.1f-%.1f", l.Text, l.Left, l.Right, l.BoxLeft, l.BoxRight)
			}
		}
		if !shown["Baseline before migration"] {
			t.Errorf("the first milestone's name is not whole: %+v", labels)
		}
		type hit struct{ Centre, Ring string }
		// elementFromPoint sees only what is on screen.
		hits := eval[[]hit](tb, `document.querySelector("svg.trend-chart").scrollIntoView({block: "center"}),
			[...document.querySelectorAll("svg.trend-chart g.pt[data-series=MEDIUM] circle")].map(c => {
			const r = c.getBoundingClientRect(), x = r.left + r.width/2, y = r.top + r.height/2, unit = r.height / 7.6;
			const at = (x, y) => { const e = document.elementFromPoint(x, y); return e && e.closest("g.pt") ? e.closest("g.pt").dataset.series : ""; };
			return {Centre: at(x, y), Ring: at(x, y - 4.3*unit)}; })`)
		for i, h := range hits {
			if high, medium := hrows[i].Counts.High, hrows[i].Counts.Medium; high == medium && (h.Centre != "HIGH" || h.Ring != "MEDIUM") {
				t.Errorf("point %d (HIGH %d, MEDIUM %d): the middle shows %q and the ring %q, want HIGH and MEDIUM", i, high, medium, h.Centre, h.Ring)
			}
		}
		tb.screenshot(dir, "trend-edges-1280x800.png")
	})

	// A heat map wider than the phone scrolls in its own box: its cells'
	// screen-reader text (absolutely positioned) must not widen the page.
	t.Run("portfolio wide heat map", func(t *testing.T) {
		var b bytes.Buffer
		if err := WritePortfolioHTML(&b, append(portfolioFixture(t), manyPillars(t)), PortfolioOptions{}); err != nil {
			t.Fatal(err)
		}
		tb := open(t, browser, "portfolio-wide.html", b.Bytes(), 390, 844)
		if heat, phone := eval[int](tb, `document.querySelector("table.heat").scrollWidth`), 390; heat <= phone {
			t.Fatalf("the heat map is %d px wide: the test needs one wider than the phone's %d", heat, phone)
		}
		if sw, cw := eval[int](tb, `document.documentElement.scrollWidth`), eval[int](tb, `document.documentElement.clientWidth`); sw != cw {
			t.Errorf("the portfolio scrolls sideways on a 390 px phone: scrollWidth %d, clientWidth %d", sw, cw)
		}
		tb.screenshot(dir, "portfolio-wide-390x844.png")
	})
}

// manyPillars is a workload on a lens of ten pillars, one question each.
func manyPillars(t *testing.T) PortfolioItem {
	t.Helper()
	l, problems := questions.Parse("wide.yaml", lensgen.YAML(10, 1, 3), questions.Options{})
	if l == nil {
		t.Fatal(problems)
	}
	r := review.New(l, review.Workload{Name: "Wide"})
	r.Update(l.Pillars[0].ID, l.Pillars[0].Questions[0].ID, "dan", t0, func(a *review.Answer) { a.Selected = []string{l.Pillars[0].Questions[0].Choices[0].ID} })
	return PortfolioItem{Scored: Score(Input{File: "wide.yaml", Review: r, Lens: l, Today: t0})}
}
