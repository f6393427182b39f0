package tui

import "github.com/charmbracelet/bubbles/key"

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
	Up     key.Binding
	Down   key.Binding
	Open   key.Binding
	Filter key.Binding
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
}

// DefaultKeyMap returns wafr's key bindings.
func DefaultKeyMap() *KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return &KeyMap{
		Global: GlobalKeys{
			Quit:      b("q", "save & quit", "q", "ctrl+c"),
			Help:      b("?", "help", "?"),
			Navigator: b("g", "go to question", "g"),
			Summary:   b("s", "summary", "s"),
			Back:      b("esc", "back", "esc"),
		},
		Question: QuestionKeys{
			Up:            b("↑/k", "up", "up", "k"),
			Down:          b("↓/j", "down", "down", "j"),
			Toggle:        b("space/x", "tick", " ", "x"),
			Next:          b("enter/n/→", "next question", "enter", "n", "right", "l"),
			Prev:          b("p/←", "previous", "p", "left", "h"),
			Focus:         b("tab", "choices/help pane", "tab", "shift+tab"),
			NotApplicable: b("a", "not applicable", "a"),
			Notes:         b("e", "edit notes", "e"),
			Milestone:     b("M", "save a milestone", "M"),
			Action:        b("A", "action for this practice", "A"),
			PageUp:        b("pgup", "scroll help up", "pgup"),
			PageDown:      b("pgdn", "scroll help down", "pgdown"),
		},
		List: ListKeys{
			Up:     b("↑/k", "up", "up", "k"),
			Down:   b("↓/j", "down", "down", "j"),
			Open:   b("enter", "open", "enter"),
			Filter: b("f", "filter: all/unanswered/high", "f"),
		},
		Meeting: MeetingKeys{
			Follow:     b("F", "follow the facilitator / roam", "F"),
			Vote:       b("v", "vote: open, reveal, settle", "v"),
			Accept:     b("y", "accept the proposal", "y"),
			Decline:    b("d", "decline the proposal", "d"),
			TimeBox:    b("T", "minutes per question", "T"),
			Writers:    b("W", "contributors edit / propose", "W"),
			HandOver:   b("H", "hand the facilitator role over", "H"),
			Park:       b("L", "park an item for later", "L"),
			ParkingLot: b("K", "the parking lot", "K"),
			Redraw:     b("ctrl+l", "redraw the screen", "ctrl+l"),
		},
		Overlay: OverlayKeys{
			Close: b("?/esc/q", "close", "?", "esc", "q"),
		},
		Form: FormKeys{
			Next:      b("tab/↓", "next field", "tab", "down"),
			Prev:      b("shift+tab/↑", "previous field", "shift+tab", "up"),
			Confirm:   b("enter", "confirm", "enter"),
			Cancel:    b("esc", "cancel", "esc"),
			Done:      b("esc/ctrl+s", "done", "esc", "ctrl+s"),
			Reload:    b("r", "reload from disk", "r"),
			Keep:      b("k", "keep mine", "k"),
			Retry:     b("r", "retry saving", "r"),
			Force:     b("Q", "quit without saving", "Q"),
			Switch:    b("space/←/→", "switch", " ", "left", "right"),
			Abort:     b("ctrl+c", "quit", "ctrl+c"),
			QuitAside: b("q", "quit, file untouched", "q", "ctrl+c"),
		},
	}
}
