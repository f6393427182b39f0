package tui

import (
	"github.com/charmbracelet/bubbles/key"

	"github.com/wafr-dev/wafr/internal/i18n"
)

// KeyMap holds every key binding, grouped by where it applies. The footer's
// help is built from it, so what the help says is what the keys do.
type KeyMap struct {
	Global   GlobalKeys
	Question QuestionKeys
	List     ListKeys
	Form     FormKeys
	Overlay  OverlayKeys
	Meeting  MeetingKeys
}

// MeetingKeys work in a live review ("wafr serve").
type MeetingKeys struct {
	Follow     key.Binding
	Vote       key.Binding
	Accept     key.Binding
	Decline    key.Binding
	TimeBox    key.Binding
	Writers    key.Binding
	HandOver   key.Binding
	Park       key.Binding
	ParkingLot key.Binding
	Proposals  key.Binding
	Redraw     key.Binding
}

// OverlayKeys close the key-help overlay; every other key is ignored
// while it is open.
type OverlayKeys struct {
	Close key.Binding
}

// GlobalKeys work on every screen (unless a text field has focus).
type GlobalKeys struct {
	Quit      key.Binding
	Help      key.Binding
	Navigator key.Binding
	Summary   key.Binding
	Back      key.Binding
}

// QuestionKeys work on the question screen.
type QuestionKeys struct {
	Up            key.Binding
	Down          key.Binding
	Toggle        key.Binding
	Next          key.Binding
	Prev          key.Binding
	Focus         key.Binding
	NotApplicable key.Binding
	Notes         key.Binding
	Milestone     key.Binding
	Action        key.Binding
	PageUp        key.Binding
	PageDown      key.Binding
}

// ListKeys work on the overview, navigator and summary lists.
type ListKeys struct {
	Up       key.Binding
	Down     key.Binding
	PageUp   key.Binding
	PageDown key.Binding
	Open     key.Binding
	Filter   key.Binding
	Search   key.Binding
}

// FormKeys work in dialogs and the setup form.
type FormKeys struct {
	Next      key.Binding
	Prev      key.Binding
	Confirm   key.Binding
	Cancel    key.Binding
	Done      key.Binding
	Reload    key.Binding
	Keep      key.Binding
	Retry     key.Binding
	Force     key.Binding
	Switch    key.Binding // flip a two-way choice
	Abort     key.Binding // leave a form where q is text
	QuitAside key.Binding // quit without overwriting a file changed on disk
	// Notes someone else changed while they were typed in.
	Mine, Both, Theirs key.Binding
}

// DefaultKeyMap returns wafr's key bindings, described in English.
func DefaultKeyMap() *KeyMap { return keyMapFor(&i18n.New(i18n.English).TUI.Keys) }

// keyMapFor returns wafr's key bindings with the catalogue's descriptions:
// the keys are the same in every language.
func keyMapFor(d *i18n.Keys) *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Global: GlobalKeys{
			Quit:      b("q", d.Quit, "q", "ctrl+c"),
			Help:      b("?", d.Help, "?"),
			Navigator: b("g", d.Navigator, "g"),
			Summary:   b("s", d.Summary, "s"),
			Back:      b("esc", d.Back, "esc"),
		},
		Question: QuestionKeys{
			Up:            b("↑/k", d.Up, "up", "k"),
			Down:          b("↓/j", d.Down, "down", "j"),
			Toggle:        b("space/x", d.Tick, " ", "x"),
			Next:          b("enter/n/→", d.Next, "enter", "n", "right", "l"),
			Prev:          b("p/←", d.Prev, "p", "left", "h"),
			Focus:         b("tab", d.Focus, "tab", "shift+tab"),
			NotApplicable: b("a", d.NotApplicable, "a"),
			Notes:         b("e", d.Notes, "e"),
			Milestone:     b("M", d.Milestone, "M"),
			Action:        b("A", d.Action, "A"),
			PageUp:        b("pgup", d.PageUp, "pgup"),
			PageDown:      b("pgdn", d.PageDown, "pgdown"),
		},
		List: ListKeys{
			Up:       b("↑/k", d.Up, "up", "k"),
			Down:     b("↓/j", d.Down, "down", "j"),
			PageUp:   b("pgup", d.Up, "pgup"),
			PageDown: b("pgdn", d.Down, "pgdown"),
			Open:     b("enter", d.Open, "enter"),
			Filter:   b("f", d.Filter, "f"),
			Search:   b("/", d.Search, "/"),
		},
		Meeting: MeetingKeys{
			Follow:     b("F", d.Follow, "F"),
			Vote:       b("v", d.Vote, "v"),
			Accept:     b("y", d.Accept, "y"),
			Decline:    b("d", d.Decline, "d"),
			TimeBox:    b("T", d.TimeBox, "T"),
			Writers:    b("W", d.Writers, "W"),
			HandOver:   b("H", d.HandOver, "H"),
			Park:       b("L", d.Park, "L"),
			ParkingLot: b("K", d.ParkingLot, "K"),
			Proposals:  b("P", d.Proposals, "P"),
			Redraw:     b("ctrl+l", d.Redraw, "ctrl+l"),
		},
		Overlay: OverlayKeys{
			Close: b("?/esc/q", d.Close, "?", "esc", "q"),
		},
		Form: FormKeys{
			Next:      b("tab/↓", d.NextField, "tab", "down"),
			Prev:      b("shift+tab/↑", d.PrevField, "shift+tab", "up"),
			Confirm:   b("enter", d.Confirm, "enter"),
			Cancel:    b("esc", d.Cancel, "esc"),
			Done:      b("esc/ctrl+s", d.Done, "esc", "ctrl+s"),
			Reload:    b("r", d.Reload, "r"),
			Keep:      b("k", d.Keep, "k"),
			Retry:     b("r", d.Retry, "r"),
			Force:     b("Q", d.Force, "Q"),
			Switch:    b("space/←/→", d.Switch, " ", "left", "right"),
			Abort:     b("ctrl+c", d.Abort, "ctrl+c"),
			QuitAside: b("q", d.QuitAside, "q", "ctrl+c"),
			Mine:      b("k", d.KeepMine, "k"),
			Both:      b("b", d.KeepBoth, "b"),
			Theirs:    b("r", d.TakeTheirs, "r"),
		},
	}
}
