package i18n

// TUI is every string the review TUI writes itself: key help, headings,
// the status line, dialogs and notices.
type TUI struct {
	Keys     Keys
	Status   Status
	Question Question
	Lists    Lists
	Search   Search
	Summary  TUISummary
	Setup    Setup
	NA       NotApplicable
	Notes    Notes
	Mile     Milestone
	Action   Action
	Conflict Conflict
	Failed   SaveFailed
	Notice   Notices
	Meeting  Meeting
	Live     Live
}

// Keys are the descriptions in the key help (the keys themselves are key
// names, the same in every language).
type Keys struct {
	Quit, Help, Navigator, Summary, Back                               string
	Up, Down, Tick, Next, Prev, Focus, NotApplicable, Notes, Milestone string
	Action, PageUp, PageDown                                           string
	Open, Filter, Search, Close                                        string
	NextField, PrevField, Confirm, Cancel, Done, Reload, Keep, Retry   string
	Force, Switch, Abort, QuitAside                                    string
	KeepMine, KeepBoth, TakeTheirs                                     string
	// Quit in a live review: a participant leaves; the host ends it.
	Leave, EndReview string

	// A live review\'s keys.
	Follow, Vote, Accept, Decline, TimeBox, Writers, HandOver, Park, ParkingLot, Proposals, Redraw string
}

// Status is the title bar, the status line and the screens around them.
type Status struct {
	NewReview     string // %s: the file, in the title bar while the form asks
	NotCreated    string
	SaveFailed    string // %s: the error
	ChangedOnDisk string
	Waiting       string
	Saving        string
	NoChanges     string
	SavedJustNow  string
	SavedAgo      string // %s: a duration
	Seconds       string // %d
	Minutes       string // %d
	Hours         string // %d
	Progress      string // %[1]d answered, %[2]d in all, %[3]d HIGH, %[4]d MEDIUM
	KeysTitle     string
	KeysClose     string
	TooSmall      string // %[1]dx%[2]d now, %[3]dx%[4]d needed
	TooSmallShort string // TooSmall where it does not fit
	// TooSmallTyping and its shorter forms, while a text field has the
	// keys: typing goes on into it, and only ctrl+c quits. TooSmallTypingMid
	// drops the sizes but still says that typing goes in; the short form
	// is the way out alone, where nothing more fits.
	TooSmallTyping, TooSmallTypingMid, TooSmallTypingShort string

	// ChangedOnDiskAsk is ChangedOnDisk once its dialog was closed to look
	// first: it says which key asks again.
	ChangedOnDiskAsk string

	// Why a save failed, where wafr knows (an error of the system is
	// shown as the system says it).
	Locked        string
	StillChanging string
	TooLarge      string
	Unreadable    string
	NotRegular    string
	NoFolder      string
	NotWritable   string // %s: what the system said
	ReadOnly      string
}

// Question is the question screen and its help pane.
type Question struct {
	Position      string // %[1]s pillar, %[2]d question, %[3]d questions in it
	NotApplicable string // %s: the reason
	NoReason      string
	NoNotes       string
	NotesLine     string // %s: the first line
	MoreLines     string // %d: lines after the first
	MoreLine      string // one line after the first
	MoreActions   string // %d
	Due           string // %s
	Overdue       string
	ChoiceOf      string // %[1]d highlighted, %[2]d in all
	Above         string // %d
	Below         string // %d
	PaneMore      string // %d: the percentage read
	PaneEnd       string
	PaneAbove     string
	LearnMore     string
	ToImprove     string
	Rendering     string

	NotEditableTitle string
	NotEditable      string // %[1]s question, %[2]s why, %[3]s file
	TooManyLines     string
	HasTabs          string
	HasCR            string
	HasControls      string

	NothingToAdopt string
	AlreadyTicked  string
	AlreadyAdopted string
	NoSuchQuestion string
	NotesChanged   string
}

// Lists are the overview, navigator and their rows.
type Lists struct {
	Pillar      string // column
	Answered    string // column
	Total       string
	OwnerIs     string // %s
	LensLine    string // %[1]s lens and its version, %[2]s pillars, %[3]s questions
	PillarOne   string
	Pillars     string // %d
	QuestionOne string
	Questions   string // %d
	GoTo        string
	Showing     string // %s: the filter
	All         string
	Unanswered  string
	HighOnly    string
	PillarCount string // %[1]d answered, %[2]d questions
	Empty       string
}

// Search is the navigator's search.
type Search struct {
	Prompt      string
	Hint        string
	Matches     string // %d
	OneMatch    string
	NoMatch     string
	InChoice    string // %s: the choice's id
	Description string
	Note        string
	InAction    string // %s: the action's id
	Resource    string // %s: the choice's id
}

// TUISummary is the summary screen.
type TUISummary struct {
	Title      string
	Answered   string // %[1]d answered, %[2]d in all
	Actions    string // %[1]d open, %[2]d overdue, %[3]d closed
	NoRisks    string
	RiskList   string
	EnterOpens string
}

// Setup is the form of a new review.
type Setup struct {
	Title            string
	Intro            string // %s: the lens
	Name             string
	NamePlaceholder  string
	Suggested        string // %s: the suggested name
	Environment      string
	SpaceToSwitch    string
	Production       string
	PreProduction    string
	Owner            string
	OwnerPlaceholder string
	Hint             string
	NeedsName        string
}

// NotApplicable is the dialog that marks a question not applicable.
type NotApplicable struct {
	Title       string // %s: the question
	Unmark      string
	Current     string // %s: a reason
	OutOfScope  string
	Business    string
	Constraints string
	Other       string
	// OtherReason names the reason Other where it is given, not picked
	// (the question screen's N/A line): without the menu's "…".
	OtherReason string
	None        string
	OtherTitle  string // %s: the question
	OtherAsk    string
	OtherHint   string
	OtherNeeded string
	// NotePrefix starts the line of the notes that holds the reason
	// typed for "Other".
	NotePrefix string
}

// Notes is the notes editor.
type Notes struct {
	Title       string // %s: the question
	Placeholder string
	Hint        string
	ProposeHint string // Hint for someone whose notes are proposals in a live review
	UnsavedHint string // Hint while someone else's change holds the typing back
	HeldHint    string // Hint while the file cannot be saved (a change on disk waits, or saving fails)
	PasteCut    string // %[1]d: the lines notes hold, %[2]d: the lines of a paste left out

	// The dialog when someone else changed the notes while they were
	// typed in: what was typed is not saved until one of its keys says.
	ConflictTitle string
	Conflict      string // %s: the question
	KeepMine      string
	KeepBoth      string
	TakeTheirs    string
	BackToText    string
	Dropped       string // the notice after TakeTheirs
	KeptMine      string // the notice after KeepMine
	KeptBoth      string // the notice after KeepBoth
}

// Milestone is the dialog that records a milestone.
type Milestone struct {
	Title       string
	Body        string
	Placeholder string
	NeedsName   string
	IsNumber    string // a name that is only a number, which @N means
	Exists      string
	// TooLargeTitle and TooLarge refuse a milestone that would make the
	// review file larger than wafr reads back (%[1]s the size it would
	// have, %[2]s the limit).
	TooLargeTitle string
	TooLarge      string
}

// Action is the dialog that records an action.
type Action struct {
	Title            string
	Adopt            string // %s: the practice
	Owner            string
	Due              string
	OwnerPlaceholder string
	DuePlaceholder   string
	BadDue           string // %s: what was typed
}

// Conflict is the dialog about a file changed on disk.
type Conflict struct {
	Title       string
	Changed     string // %s: the file
	BothChanged string // %s: question ids
	DoesNotLoad string // %s: the error
	KeepWorking string
	// OtherReview and KeepWorkingOther are DoesNotLoad and KeepWorking for
	// a file that loads but is now a review of another lens.
	OtherReview, KeepWorkingOther string
	QuitBroken                    string // %s: the set-aside file
	Reload                        string
	Keep                          string
	Quit                          string // %s: the set-aside file
	// LeaveMeeting replaces the quit lines in a live review; EndMeeting
	// (%s: the set-aside file) on its host's screen, where q ends the
	// review for everyone, once they say y.
	LeaveMeeting, EndMeeting string
	// LookFirst is esc when both sides changed: the dialog closes, and
	// nothing is saved until the user chooses.
	LookFirst string
}

// SaveFailed is the dialog when saving on quit failed.
type SaveFailed struct {
	Title string // %s: the file
	Body  string
	Keys  string // %s: the file the answers are set aside in
}

// Notices are the one-line messages in the status line.
type Notices struct {
	ApplicableAgain string // %s: the question
	NoneClearedOne  string // %[1]s: the question, %[3]s: its "None of these", which cleared one tick
	NoneCleared     string // %[1]s: the question, %[2]d: the ticks cleared, %[3]s: its "None of these"
	Milestone       string // %s: its name
	ActionAdded     string // %s: its id
	Merged          string
	Recreated       string // %s: the file, deleted meanwhile and written again
	Unconfirmed     string // %[1]s: the dialog, %[2]s: what was typed in it and never confirmed
	Reloaded        string // %s: the file
	KeptOurs        string // %d questions
	LintWarnings    string // %[1]d warnings, %[2]s the lens
	// LintWarningShort and LintWarningsShort say where the command is (the
	// key help) when LintCommand is too long for one line. %d: warnings.
	LintWarningShort, LintWarningsShort string
	LintWarning                         string // %s: the lens (one warning)
	// LintCommand and LintCommandOne are LintWarnings and LintWarning
	// shortened, the command whole: %[1]d warnings, %[2]s the lens.
	LintCommand, LintCommandOne string

	// The lens is not the one the review was saved with.
	LensReplaced   string // %[1]s the lens answered with, %[2]s the lens now
	LensEdited     string // %[1]s the lens, %[2]s its version
	LensEditedBare string // LensEdited of a lens without a version; %[1]s the lens
	LensNewVersion string // %[1]s the lens, %[2]s the version saved with, %[3]s now
	// LensNewVersion when the lens had no version (%[2]s now), or has
	// none now (%[2]s the version saved with).
	LensVersioned, LensUnversioned string
	LensOrphan                     string // added: one answer the lens no longer matches
	LensOrphans                    string // added: %d answers

	// What merging an outside change renamed.
	MilestoneRenamed string // %[1]s the name, %[2]s this session's new name
	ActionRenumbered string // %[1]s the id, %[2]s this session's new id
}

// Meeting is a live review ("wafr serve"): who is here, votes, proposals,
// the time-box and the parking lot.
type Meeting struct {
	TimeLeft    string // %s: m:ss
	JoinWith    string // %s: the ssh command that joins the review
	MorePeople  string // %d: people the presence line has no room for
	HostKey     string // %s: the host key's fingerprint
	Overtime    string // %s: m:ss
	Proposals   string // %d
	OneProposal string

	VoteOpen      string // %[1]d voted, %[2]d may vote
	VoteReveals   string
	Agrees        string
	Disagrees     string // %d choices
	DisagreesOne  string
	VoteSettles   string
	Proposes      string // %[1]s who, %[2]s question, %[3]s what
	NobodyTicked  string
	TickedBy      string
	VoteElsewhere string // %s: the question with the open vote
	Roaming       string
	Following     string

	// The host's q asks before it ends the review for everyone: the
	// dialog, and its keys' help (EndAnyKey stands for a key's name).
	EndTitle, EndBody string
	// EndProposal(s) say what becomes of the proposals nobody decided
	// (%d: how many), before EndBody.
	EndProposal, EndProposals  string
	EndBodyAside               string // EndBody while the file cannot be saved; %s: where the answers will go
	EndYes, EndAnyKey, EndBack string

	ParkTitle       string // %s: the question
	ParkIntro       string
	ParkPlaceholder string
	ParkEmpty       string
	TimeBoxTitle    string
	TimeBoxIntro    string
	TimeBoxExample  string
	TimeBoxBad      string
	HandOverTitle   string
	HandOverEmpty   string
	SettleTitle     string // %s: the question
	SettleMajority  string // %s: the choices most ticked
	SettleNothing   string // the first choice when no practice has a majority
	SettleNothingNA string // the same on a question marked not applicable
	SettleKeep      string
	SettleBack      string
	LotTitle        string
	// The proposals in full: ProposalLine is %[1]s who, %[2]s the
	// question, %[3]s what.
	ProposalsTitle, ProposalsEmpty, ProposalLine string
	LotChairTitle                                string
	LotEmpty                                     string
	LotToAction                                  string
	LotToNotes                                   string
	LotDrop                                      string
	ParkedTitle                                  string
	ParkedIntro                                  string // %s: the parked text
	ParkedExample                                string
	ParkedGone                                   string
	Parked                                       string // %s: the question
	ParkDropped                                  string
	ParkedToAction                               string // %s: the action
	ParkedToNotes                                string // %s: the question
}

// Live is what the hub of a live review says: why it refused an intent,
// what it did, who changed what, problems of the team file, and the lines
// an SSH session gets around its screen.
type Live struct {
	// Refusals.
	ObserverReadOnly   string
	FacilitatorOnly    string
	AskFacilitator     string
	NoVote             string
	VoteOpenAlready    string
	VotesRevealed      string
	NotLive            string
	PersonLeft         string
	ObserverCannotLead string
	ProposalGone       string
	ProposalKeptBoth   string
	TooManyProposals   string // %d waiting
	TooManyParked      string // %d parked

	// What the hub did, for the one who asked.
	TimeBoxOff  string
	TimeBoxSet  string // %d minutes
	TimeBoxOne  string // the same, for 1 minute
	EditOpen    string
	EditClosed  string
	Facilitates string // %s: who
	Proposed    string // %s: the proposal
	Declined    string
	VoteOpened  string

	// What an update means for the one who sees it.
	ChairLost        string // %s: who facilitates now
	YourProposalTook string // %[1]s who accepted it, %[2]s the proposal
	YourProposalNot  string // %[1]s who declined it, %[2]s the proposal

	// A proposal, in a sentence.
	ProposeTick   string // %s: the choice's id
	ProposeUntick string // %s: the choice's id
	ProposeNotes  string // %s: the notes
	WithTitle     string // %[1]s a tick or untick proposed, %[2]s the choice's title
	Undecided     string // %s: a proposal, parked when the review ended before it was decided

	// Who changed what: the latest change, for everyone.
	Ticked            string // %[1]s who, %[2]s the choice
	Unticked          string // %[1]s who, %[2]s the choice
	MarkedNA          string // %[1]s who, %[2]s the question
	MadeApplicable    string // %[1]s who, %[2]s the question
	EditedNotes       string // %[1]s who, %[2]s the question
	AddedAction       string // %[1]s who, %[2]s the choice
	RecordedMilestone string // %[1]s who, %[2]s the name
	ParkedItem        string // %[1]s who, %[2]s the question
	ChangedReview     string // %s: who
	HandedOver        string // %[1]s who, %[2]s to whom
	AcceptedProposal  string // %[1]s who, %[2]s whose, %[3]s the proposal
	DeclinedProposal  string // %[1]s who, %[2]s whose, %[3]s the proposal
	OpenedVote        string // %s: who
	RevealedVotes     string // %s: who
	SettledVote       string // %s: who
	ChairBack         string
	ChairRevoked      string
	ChairHeld         string // %[1]s who left, %[2]s who facilitates meanwhile
	ChairReturned     string // %s: who came back
	Left              string // %s: who
	OpenedEdits       string // %s: who
	ClosedEdits       string // %s: who
	InternalError     string // %s: what went wrong
	SessionCrashed    string // %s: what went wrong
	SessionFailed     string // %[1]s whose session, %[2]s the error

	// Problems of the team file: %[1]s the file, %[2]d the line.
	TeamNotAKey    string // %[3]s why
	TeamBadRole    string // %[3]s the role
	TeamBadOption  string // %[3]s the option
	TeamRoleInName string
	TeamDuplicate  string // %[3]s the name listed first, %[4]s the one listed again
	TeamUnreadable string // %[1]s the file, %[2]s the error
	TeamGone       string // %[1]s the file, %[2]s the error
	// TeamMore follows the first of several new problems of one read of
	// the team file (%[1]s that problem, %[2]d how many more).
	TeamMoreOne, TeamMore string

	// Goodbyes, when a participant's screen ends.
	GoodbyeSaved   string // %s: the review file
	GoodbyeAside   string // %[1]s: the review file, which could not be saved; %[2]s: where the answers are
	GoodbyeUnsaved string // %s: the review file, which could not be saved, nor the answers set aside
	GoodbyeStopped string
	GoodbyeRemoved string

	// What wafr serve prints when it starts: the review, how to join, the
	// host key, who may join. Each line but the title starts with its
	// label, padded so the values line up.
	GreetTitle     string // %s: the review file
	GreetJoin      string // %s: the ssh command
	GreetHostKey   string // %s: the fingerprint
	GreetKeyMade   string
	GreetTeam      string // %[1]s: the team file, %[2]s: GreetKey(s)
	GreetNoTeam    string // %[1]s: where the keys are, %[2]s: GreetKey(s)
	GreetWarning   string // %s: a problem of the team file
	GreetListening string // %s: the address
	GreetKey       string
	GreetKeys      string // %d: how many

	// Lines an SSH session gets outside its screen.
	NeedsTerminal string
	NotOnTeam     string
	Ended         string
	Crashed       string
}
