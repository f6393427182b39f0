package serve

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"github.com/wafr-dev/wafr/tui"
)

// A change made by the facilitator reaches 20 connected screens: each
// takes the update from its mailbox, shows it and draws a frame. Target:
// under 50 ms. Also reports the memory each connected screen holds.
func BenchmarkChangeReaches20Viewers(b *testing.B) {
	const n = 20
	h := newTestHub(&testing.T{})
	defer h.stop()
	h.join("host", "hana", tui.Facilitator, true)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	screens := make([]*screen, n)
	boxes := make([]*Mailbox, n)
	for i := range screens {
		id := fmt.Sprint("p", i)
		boxes[i], _ = h.Join(Participant{ID: id, Fingerprint: id, Name: id, Role: tui.Contributor}, false)
		r := lipgloss.NewRenderer(io.Discard)
		r.SetColorProfile(termenv.Ascii)
		r.SetHasDarkBackground(true)
		screens[i] = newScreen(h.Hub, id, boxes[i].Take(), tui.ViewerOptions{Renderer: r})
		screens[i].Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perViewer := float64(after.HeapAlloc-before.HeapAlloc) / n
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		note := fmt.Sprint("note ", i)
		var wg sync.WaitGroup
		for j := range screens {
			wg.Add(1)
			go func(s *screen, box *Mailbox) {
				defer wg.Done()
				deadline := time.After(5 * time.Second)
				for {
					if u := box.Take(); u != nil {
						s.take(u)
						if a := u.Snap.Review.Answers.Get(pillar, "OPS1"); a != nil && a.Notes == note && strings.Contains(s.View(), "Notes: "+note) {
							return
						}
					}
					select {
					case <-box.Ready():
					case <-deadline:
						b.Errorf("a viewer never saw %q", note)
						return
					}
				}
			}(screens[j], boxes[j])
		}
		base := ""
		if i > 0 {
			base = fmt.Sprint("note ", i-1)
		}
		h.Send("host", []tui.Intent{tui.NotesIntent{Item: 0, Notes: note, Base: base}})
		wg.Wait()
	}
	b.ReportMetric(perViewer, "heap-bytes/viewer")
}
