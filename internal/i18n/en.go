package i18n

import "github.com/wafr-dev/wafr/questions"

func english() *Catalog {
	return &Catalog{
		Lang: English,
		Risk: RiskNames{
			Label: map[questions.Risk]string{
				questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
				questions.NotApplicable: "N/A", questions.Unanswered: "unanswered",
			},
			Word: map[questions.Risk]string{
				questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
				questions.NotApplicable: "not applicable", questions.Unanswered: "unanswered",
			},
			Heading: map[questions.Risk]string{
				questions.HighRisk: "HIGH risk", questions.MediumRisk: "MEDIUM risk", questions.NoRisk: "No risk",
				questions.NotApplicable: "Not applicable", questions.Unanswered: "Unanswered",
			},
		},
		Reasons: map[string]string{
			"OUT_OF_SCOPE": "out of scope", "BUSINESS_PRIORITIES": "business priorities",
			"ARCHITECTURE_CONSTRAINTS": "architecture constraints", "OTHER": "other", "NONE": "none",
		},
		Statuses:     map[string]string{},
		Environments: map[string]string{"PRODUCTION": "production", "PREPRODUCTION": "pre-production"},
		TUI:          englishTUI(),
		Plan:         englishPlan(),
		Summary:      englishSummary(),
		History:      englishHistory(),
		Actions:      englishActions(),
		HTML:         englishHTML(),
	}
}

func englishPlan() Plan {
	return Plan{
		Title:      "Improvement plan: %s",
		ReduceRisk: "Reduce the risk of %[1]s: %[2]s",
		Lens:       "Lens", Environment: "Environment", Owner: "Owner", Milestone: "Milestone", Date: "Date",
		Reviewers: "Reviewers", Answered: "Answered", Actions: "Actions",
		AnsweredOf:     "%[1]d of %[2]d questions",
		ActionsSummary: "%[1]d open (%[2]d overdue), %[3]d done, %[4]d accepted as risk",
		RiskCol:        "Risk", QuestionsCol: "Questions", PieTitle: "Questions by risk",
		Levels: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "Not applicable", questions.Unanswered: "Unanswered",
		},
		OtherActions: "Other actions", OtherItem: "%[1]s %[2]s (%[3]s):", NotApplicable: "Not applicable",
		QuestionCol: "Question", PillarCol: "Pillar", ReasonCol: "Reason", NotesCol: "Notes",
		ItemFacts: "Risk: **%[1]s** · Pillar: %[2]s", AnsweredBy: " · Answered by %s",
		InPlace: "Already in place:", FollowsNone: "The team follows none of these practices yet.",
		WhatNext: "What to do next:", Reference: "reference", Notes: "Notes:", ActionsHead: "Actions:",
		LearnMore: "Learn more", ToImprove: "To improve",
		Contested: "Contested: the team's silent vote differed.", Agreed: "The team's silent vote agreed.", Nothing: "nothing",
		ContestedHead: "Contested in the vote", TimeHead: "Time spent in the review", TimeCol: "Time", TimeSpent: " · Time spent: %s",
		FactSep: ", ", TaskOwner: "owner %s", TaskDue: "due %s", TaskOverdue: "(**overdue**)", TaskReason: "reason: %s", Ticket: "ticket",
	}
}

func englishActions() Actions {
	return Actions{
		ID: "ID", Status: "STATUS", Due: "DUE", Owner: "OWNER", Question: "QUESTION", Title: "TITLE", Workload: "WORKLOAD",
		None: "No actions.", Overdue: "%s overdue",
	}
}

func englishHistory() History {
	return History{
		Date: "DATE", Milestone: "MILESTONE", Answered: "ANSWERED", Actions: "ACTIONS OPEN/DONE/ACCEPTED",
		Current: "(current)", Trend: "trend   HIGH %[1]s   MEDIUM %[2]s",
		Unscored: "* its lens could not be loaded; the risks recorded in the file are counted",
		MDTitle:  "## Review history: %s", MDHeader: "| Date | Milestone | Answered | HIGH | MEDIUM | NONE | N/A | Actions open/done/accepted |",
		MDCurrent: "*current*", MDCaption: "HIGH (first line) and MEDIUM (second line) questions at each milestone:",
		MDChart: "HIGH and MEDIUM risks", MDAxis: "Questions", MDCurrentLabel: "current",
	}
}

func englishSummary() Summary {
	return Summary{
		Saved: "Saved %s.", NotCreated: "No review created: %s was not written.",
		Answered: "answered %[1]d of %[2]d", AtMilestone: " · at milestone %s", Updated: " · updated %s",
		Pillar: "PILLAR", Total: "Total",
		Columns: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "N/A", questions.Unanswered: "UNANSWERED",
		},
		Legend: map[questions.Risk]string{
			questions.HighRisk: "high", questions.MediumRisk: "medium", questions.NoRisk: "none",
			questions.NotApplicable: "n/a", questions.Unanswered: "unanswered",
		},
		Actions:  "actions: %[1]d open (%[2]s), %[3]d done, %[4]d accepted as risk",
		Overdue:  "%d overdue",
		Workload: "WORKLOAD", Lens: "LENS", AnsweredCol: "ANSWERED", ActionsCol: "ACTIONS", OverdueCol: "OVERDUE", UpdatedCol: "UPDATED",
		Reviews: "%d reviews",
		MDTitle: "Risk summary: %s", MDLine: "%[1]s %[2]s · answered %[3]d of %[4]d", MDPillar: "Pillar",
		MDColumns: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "N/A", questions.Unanswered: "Unanswered",
		},
		MDTotal: "Total", MDLens: "Lens", MDUpdated: "Updated", MDWorkload: "Workload", MDAnswered: "Answered",
	}
}

func englishHTML() HTML {
	return HTML{
		Levels: map[questions.Risk]string{
			questions.HighRisk: "HIGH", questions.MediumRisk: "MEDIUM", questions.NoRisk: "NONE",
			questions.NotApplicable: "N/A", questions.Unanswered: "Unanswered",
		},
		PlanTitle: "Improvement plan: %s", Contents: "Contents",
		Summary: "Executive summary", Pillars: "Risk by pillar", Trend: "Risk trend",
		HighRisk: "HIGH risk", MediumRisk: "MEDIUM risk", OtherActions: "Other actions",
		NotApplicable: "Not applicable", Unanswered: "Unanswered", NoRisk: "No risk",

		Lens: "Lens", Environment: "Environment", Owner: "Owner", Milestone: "Milestone", Date: "Date",
		Reviewers: "Reviewers", AnsweredFact: "Answered", ActionsFact: "Actions",

		AnsweredOf:     "%[1]d of %[2]d questions",
		ActionsSummary: "%d open (%d overdue), %d done, %d accepted as risk",
		AnsweredLine:   "%[1]d of %[2]d questions answered: %[3]s.",
		Riskiest:       "Riskiest pillars: %s.",
		NoRiskiest:     "No pillar has a HIGH or MEDIUM risk.",
		PillarWith:     "%[1]s (%[2]s)",
		LevelCount:     "%[1]d %[2]s",
		ListSep:        ", ", ListLast: " and ",

		Legend: "Legend", BarCol: "Share of questions", Total: "Total", RiskCol: "Risk", QuestionsCol: "Questions", PillarCol: "Pillar",
		QuestionCol: "Question", ReasonCol: "Reason", NotesCol: "Notes",

		RiskIs: "Risk", PillarIs: "Pillar", AnsweredBy: "Answered by %s", TimeSpent: "Time spent: %s",
		InPlace: "Already in place", FollowsNone: "The team follows none of these practices yet.",
		WhatNext: "What to do next", Reference: "reference", Notes: "Notes", Actions: "Actions",
		NotALink:    "%s (not a web link)",
		ActionOwner: "owner %s", ActionDue: "due %s", ActionReason: "reason: %s",
		Overdue: "overdue", Ticket: "ticket",

		TrendCaption: "HIGH and MEDIUM questions at each milestone", TrendDate: "Date",
		TrendMilestone: "Milestone", Current: "current",
		NotScored:  "* its lens could not be loaded; the risks recorded in the file are counted",
		TrendTable: "The trend as a table",
		Footer:     "Written by wafr from %[1]s with the lens %[2]s.",

		PortfolioTitle: "Portfolio: %d reviews",
		PortfolioLine:  "%[1]d reviews: %[2]s; %[3]d open actions, %[4]d overdue.",
		Workload:       "Workload", Workloads: "Workloads", Due: "Due", Updated: "Updated", OpenActions: "Open actions", OverdueActions: "Overdue",
		HeatMap: "Heat map: pillars by workload", HeatMapCaption: "HIGH and MEDIUM questions per pillar; the shade is the worst risk in the cell",
		NotInLens:        "not in this lens",
		TrendPerWorkload: "Trend per workload", NoMilestones: "no milestones yet",
		OverdueList: "Overdue actions", NoOverdue: "No action is overdue.",
		Reviews: "%d reviews",
	}
}

func englishTUI() TUI {
	return TUI{
		Keys: Keys{
			Quit: "save & quit", Leave: "leave the review", EndReview: "save & end the review for all", Help: "help", Navigator: "go to question", Summary: "summary", Back: "back",
			Up: "up", Down: "down", Tick: "tick", Next: "next question", Prev: "previous", Focus: "choices/help pane",
			NotApplicable: "not applicable", Notes: "edit notes", Milestone: "save a milestone",
			Action: "action for this practice", PageUp: "scroll help up", PageDown: "scroll help down",
			Open: "open", Filter: "filter: all/unanswered/high", Search: "search", Close: "close",
			NextField: "next field", PrevField: "previous field", Confirm: "confirm", Cancel: "cancel", Done: "done",
			Reload: "take the file's answers", Keep: "keep mine", Retry: "retry saving", Force: "quit without saving",
			Switch: "switch", Abort: "quit", QuitAside: "quit, file untouched",
			KeepMine: "keep mine", KeepBoth: "keep both", TakeTheirs: "take theirs",
			Follow: "follow the facilitator / roam", Vote: "vote: open, reveal, settle", Accept: "accept the proposal",
			Decline: "decline the proposal", TimeBox: "minutes per question", Writers: "contributors edit / propose",
			HandOver: "hand the facilitator role over", Park: "park an item for later", ParkingLot: "the parking lot", Proposals: "read the proposals in full",
			Redraw: "redraw the screen",
		},
		Status: Status{
			NewReview:     "new review: %s",
			NotCreated:    "not created yet",
			SaveFailed:    "not saved: %s (answers kept in memory, retrying)",
			ChangedOnDisk: "not saved: the file changed on disk",
			Waiting:       "waiting for another program to finish writing the file…",
			Saving:        "saving…", NoChanges: "no changes", SavedJustNow: "saved just now", SavedAgo: "saved %s ago",
			Seconds: "%ds", Minutes: "%dm", Hours: "%dh",
			Progress:  "%[1]d/%[2]d answered · HIGH %[3]d · MEDIUM %[4]d ",
			KeysTitle: "Keys", KeysClose: "(? or esc closes)",
			TooSmall:            "Terminal too small: %[1]dx%[2]d. wafr needs at least %[3]dx%[4]d; enlarge the window (q quits).",
			TooSmallShort:       "Too small (q quits)",
			TooSmallTyping:      "Terminal too small: %[1]dx%[2]d. wafr needs at least %[3]dx%[4]d; enlarge the window. What you type still goes in (ctrl+c quits).",
			TooSmallTypingShort: "Too small (ctrl+c quits)",

			Locked:        "another wafr is writing this file",
			StillChanging: "the file is still being changed by another program",
			TooLarge:      "the review would be too large to read back (old milestones or very long notes are the usual cause)",
			Unreadable:    "wafr would not be able to read what it was about to write",
			NotRegular:    "the review file is not a regular file",
			NoFolder:      "the folder of the review file does not exist",
			NotWritable:   "wafr saves by writing a new file beside the review file and renaming it, and its folder does not allow that: %s",
			ReadOnly:      "the review file is read-only, so wafr leaves it as it is: make it writable (chmod u+w) to save",
		},
		Question: Question{
			Position:      "%[1]s - %[2]d/%[3]d",
			NotApplicable: "Not applicable: %s  (a to change)",
			NoReason:      "no reason given",
			NoNotes:       "No notes (e to add).",
			NotesLine:     "Notes: %s",
			MoreLines:     "(+%d lines)", MoreLine: "(+1 line)",
			MoreActions: "+%d more actions (wafr action list)",
			Due:         "due %s", Overdue: "overdue",
			ChoiceOf: "choice %[1]d of %[2]d", Above: "↑ %d above", Below: "↓ %d below",
			PaneMore: "↓ more (%d%%)", PaneEnd: "end", PaneAbove: "↑ more",
			LearnMore: "Learn more", ToImprove: "To improve", Rendering: "…",

			NotEditableTitle: "This note cannot be edited here",
			NotEditable:      "The note of %[1]s %[2]s, which the editor here would change. It is kept as it is; to replace it, run:\n\n  wafr answer %[3]s %[1]s --notes TEXT",
			TooManyLines:     "has more than 10,000 lines", HasTabs: "holds tabs", HasCR: "holds carriage returns",
			HasControls: "holds control characters",

			NothingToAdopt: `"None of these": nothing to adopt`,
			AlreadyTicked:  "already ticked: no action needed",
			AlreadyAdopted: "an open action adopts this practice already (the summary lists it)",
			NoSuchQuestion: "no such question",
			NotesChanged:   "someone else changed these notes meanwhile: what you type is not saved yet; close the editor to choose what to keep",
		},
		Lists: Lists{
			Pillar: "PILLAR", Answered: "ANSWERED", Total: "Total", OwnerIs: "owner %s",
			LensLine:  "%[1]s · %[2]s · %[3]s",
			PillarOne: "1 pillar", Pillars: "%d pillars", QuestionOne: "1 question", Questions: "%d questions",
			GoTo: "Go to question", Showing: "showing %s (f to change, / to search)",
			All: "all questions", Unanswered: "unanswered", HighOnly: "HIGH risk",
			PillarCount: "%[1]d/%[2]d answered", Empty: "No question to show.",
		},
		Search: Search{
			Prompt: "Search: ", Hint: "ids, titles, choices, descriptions, notes and actions; enter opens, esc clears",
			Matches: "%d questions match", OneMatch: "1 question matches", NoMatch: "no question matches",
			InChoice: "choice %s", Description: "description", Note: "note", InAction: "action %s", Resource: "help for %s",
		},
		Summary: TUISummary{
			Title: "Risk summary", Answered: "answered %[1]d of %[2]d",
			Actions: "Actions: %[1]d open, %[2]d overdue, %[3]d done, %[4]d accepted as risk",
			NoRisks: "No HIGH or MEDIUM risks.", RiskList: "HIGH and MEDIUM questions", EnterOpens: "(enter opens)",
		},
		Setup: Setup{
			Title:           "New review",
			Intro:           "A review looks at one workload (a service or system) with the lens %s.",
			Name:            "Workload name",
			NamePlaceholder: "e.g. Payments API",
			Suggested:       "enter keeps %s; typing replaces it",
			Environment:     "Environment", SpaceToSwitch: "(space to switch)",
			Production: "production", PreProduction: "pre-production",
			Owner: "Owner", OwnerPlaceholder: "team or person (optional)",
			Hint:      "enter: next / start · esc: quit without creating the file",
			NeedsName: "the workload needs a name",
		},
		NA: NotApplicable{
			Title: "%s does not apply because…", Unmark: "Applicable again (unmark)", Current: "%s (current)",
			OutOfScope: "Out of scope", Business: "Business priorities", Constraints: "Architecture constraints",
			Other: "Other…", OtherReason: "Other", None: "None (no reason)",
			OtherTitle: "Why %s does not apply", OtherAsk: "In a few words (kept in the question's notes):",
			OtherHint:   "enter saves · esc goes back",
			OtherNeeded: "say why, or go back and pick another reason",
			NotePrefix:  "Not applicable: ",
		},
		Notes: Notes{
			Title: "Notes for %s", Placeholder: "What the team said, who follows up, links…",
			Hint: "Saved as you type. esc or ctrl+s closes.", ProposeHint: "Proposed to the facilitator as you type. esc or ctrl+s closes.",

			ConflictTitle: "These notes changed while you typed",
			Conflict:      "Someone else changed the notes of %s while you were typing, so what you typed is not saved yet.",
			KeepMine:      "k  keep yours (theirs are replaced)",
			KeepBoth:      "b  keep both (theirs, then yours)",
			TakeTheirs:    "r  take theirs (what you typed is dropped)",
			BackToText:    "esc  back to what you typed",
			Dropped:       "kept the other notes; what you typed is dropped",
			KeptMine:      "kept your notes in place of the other ones",
			KeptBoth:      "kept both notes: the other ones, then yours",
		},
		Mile: Milestone{
			Title:       "Save a milestone",
			Body:        "Snapshot the current answers under a name, to compare later (wafr diff %[1]s@NAME %[1]s, wafr history %[1]s).",
			Placeholder: "e.g. 2026 Q4 review",
			NeedsName:   "a milestone needs a name", Exists: "there is already a milestone with that name",
			IsNumber:      "a number names a milestone by its place (FILE@2): give it a name, for example v2",
			TooLargeTitle: "Milestone not saved",
			TooLarge: "The review would be too large to read back: with this milestone it would be %[1]s, and review files are at most %[2]s. " +
				"The milestone was not saved; your answers are saved as usual (old milestones or very long notes are the usual cause).",
		},
		Action: Action{
			Title: "New action", Adopt: "Adopt: %s", Owner: "Owner", Due: "Due",
			OwnerPlaceholder: "who will do it", DuePlaceholder: "YYYY-MM-DD (optional)",
			BadDue: "due date %q is not a date like 2026-12-31",
		},
		Conflict: Conflict{
			Title:        "The review file changed on disk",
			Changed:      "%s was changed outside this session (a git pull, or another wafr). Nothing has been overwritten.",
			BothChanged:  "Both changed: %s",
			DoesNotLoad:  "The new version does not load: %s",
			KeepWorking:  "esc  keep working; saving resumes once the file loads again",
			QuitBroken:   "q    quit and leave the file; this session's answers go to %s",
			Reload:       "r  take the file's answers to those questions; keep the rest of this session's",
			LeaveMeeting: "q  leave the live review (its answers stay with the host's wafr)",
			Keep:         "k  keep this session's answers to those questions; merge the rest",
			Quit:         "q  quit and leave the file; this session's answers go to %s",
		},
		Failed: SaveFailed{
			Title: "Could not save %s",
			Body:  "Your answers are still here. Fix the problem (disk space, permissions) and retry, or quit and keep them in a file beside it. Q quits and loses the changes since the last save.",
			Keys:  "r    retry\nq    quit and leave the file; this session's answers go to %s\nesc  go back to the review\nQ    quit without saving",
		},
		Notice: Notices{
			ApplicableAgain:   "%s is applicable again: a tick answers it",
			NoneClearedOne:    "%[1]s: \"%[3]s\" took the place of the practice that was ticked",
			NoneCleared:       "%[1]s: \"%[3]s\" took the place of the %[2]d practices that were ticked",
			Milestone:         "milestone %q recorded",
			ActionAdded:       "action %s added",
			Merged:            "merged changes made outside this session",
			Reloaded:          "took the file's answers to %s; this session's other changes are kept",
			KeptOurs:          "keeping this session's answers to %d questions; the rest is merged",
			LintWarnings:      "the lens has %[1]d lint warnings (wafr lens lint %[2]s)",
			LintWarningShort:  "the lens has %d lint warning (wafr lens lint)",
			LintWarningsShort: "the lens has %d lint warnings (wafr lens lint)",
			LintWarning:       "the lens has 1 lint warning (wafr lens lint %s)",

			LensReplaced:   "this review was answered with the lens %[1]s and is scored here with another lens, %[2]s",
			LensEdited:     "the lens %[1]s changed since this review was saved (same version %[2]s, other content)",
			LensEditedBare: "the lens %[1]s changed since this review was saved (it has no version to tell the two apart)",
			LensNewVersion: "the lens %[1]s changed since this review was saved (version %[2]s, now %[3]s)",
			LensOrphan:     "; 1 answer no longer matches it and is kept",
			LensOrphans:    "; %d answers no longer match it and are kept",

			MilestoneRenamed: "milestone %[1]q was also saved elsewhere; this session's is now %[2]q",
			ActionRenumbered: "action %[1]s was also created elsewhere; this session's is now %[2]s",
		},
		Meeting: Meeting{
			TimeLeft: " ⏱ %s left ", Overtime: " ⏱ overtime %s ",
			JoinWith: "others join with: %s", HostKey: "host key %s",
			Proposals: " %d proposals (y accept, d decline, P read) ", OneProposal: " 1 proposal (y accept, d decline, P read) ",
			VoteOpen:    "Silent vote: tick what you believe the team does (%[1]d of %[2]d voted)",
			VoteReveals: " · v reveals", Agrees: "Votes revealed: the team agrees",
			Disagrees: "Votes revealed: the team disagrees on %d choices", DisagreesOne: "Votes revealed: the team disagrees on 1 choice",
			VoteSettles: " · v to settle", Proposes: "%[1]s proposes on %[2]s: %[3]s · y accept, d decline",
			NobodyTicked: "No one ticked this in the vote.", TickedBy: "Ticked in the vote by: ",
			VoteElsewhere: "a vote is open on %s: settle it there first", Roaming: "roaming: F follows the facilitator again",
			Following: "following the facilitator",
			EndTitle:  "End the review for everyone?", EndBody: "y ends it and saves the answers; any other key goes back.",
			EndProposal:  "1 proposal is not decided: it goes to the parking lot.",
			EndProposals: "%d proposals are not decided: they go to the parking lot.",
			EndYes:       "end the review", EndAnyKey: "any key", EndBack: "go back",

			ParkTitle:       "Park an item on %s",
			ParkIntro:       "A line to come back to before the review ends (it becomes an action or a note).",
			ParkPlaceholder: "e.g. check the DR runbook with the DBA team", ParkEmpty: "write what to come back to",
			TimeBoxTitle:   "Minutes per question",
			TimeBoxIntro:   "Everyone sees the time left on the shared question, and overtime. 0 turns the time-box off.",
			TimeBoxExample: "e.g. 5", TimeBoxBad: "a number of minutes, 0 to 240",
			HandOverTitle: "Hand the facilitator role to…", HandOverEmpty: "No one else here can take it.",
			SettleTitle: "Settle the vote on %s", SettleMajority: "Take what most ticked as the answer: %s", SettleNothing: "No practice was ticked by most: clear the answer",
			SettleKeep: "Keep the answer as it is now", SettleBack: "Go on voting (back)",
			ProposalsTitle: "Proposals: enter or y accepts · d declines", ProposalsEmpty: "No proposal is waiting.",
			ProposalLine: "%[1]s on %[2]s: %[3]s",
			LotTitle:     "Parking lot", LotChairTitle: "Parking lot: a action · n note · x drop",
			LotEmpty:    "Nothing is parked. L on a question parks an item.",
			LotToAction: "to an action", LotToNotes: "to notes", LotDrop: "drop",
			ParkedTitle:   "Action from the parking lot",
			ParkedIntro:   "“%s”\n\nOwner, and a due date if there is one: alice, 2027-01-31",
			ParkedExample: "owner, YYYY-MM-DD",
			ParkedGone:    "that parked item is gone: someone dealt with it already",
			Parked:        "parked on %s", ParkDropped: "parked item dropped",
			ParkedToAction: "action %s added from the parking lot", ParkedToNotes: "parked item added to the notes of %s",
		},
		Live: englishLive(),
	}
}

func englishLive() Live {
	return Live{
		ObserverReadOnly:   "observers follow the review: they do not change it",
		FacilitatorOnly:    "only the facilitator can do that",
		AskFacilitator:     "ask the facilitator: only they can do that now",
		NoVote:             "no vote is open",
		VoteOpenAlready:    "a vote is open already: settle it first",
		VotesRevealed:      "the votes are revealed: the facilitator settles the answer",
		NotLive:            "that cannot be done in a live review",
		PersonLeft:         "that person has left",
		ObserverCannotLead: "an observer cannot facilitate",
		ProposalGone:       "that proposal is gone",
		ProposalKeptBoth:   "the notes changed since that was proposed: both are kept, the notes as they are and then the proposal",
		TooManyProposals:   "you have %d proposals waiting: let the facilitator catch up",
		TooManyParked:      "you have %d items in the parking lot already",

		TimeBoxOff:  "time-box off",
		TimeBoxSet:  "%d minutes per question",
		TimeBoxOne:  "1 minute per question",
		EditOpen:    "contributors change answers themselves",
		EditClosed:  "contributors propose; you accept or decline",
		Facilitates: "%s facilitates now",
		Proposed:    "proposed to the facilitator: %s",
		Declined:    "declined",
		VoteOpened:  "vote open: everyone ticks privately; v reveals",

		ChairLost:        "you no longer facilitate: %s does now",
		YourProposalTook: "%[1]s accepted your proposal: %[2]s",
		YourProposalNot:  "%[1]s declined your proposal: %[2]s",

		ProposeTick: "tick %s", ProposeUntick: "untick %s", ProposeNotes: "notes: %s", WithTitle: "%[1]s (%[2]s)",
		Undecided: "proposed, not decided when the review ended: %s",

		Ticked:            "%[1]s ticked %[2]s",
		Unticked:          "%[1]s unticked %[2]s",
		MarkedNA:          "%[1]s marked %[2]s not applicable",
		MadeApplicable:    "%[1]s made %[2]s applicable",
		EditedNotes:       "%[1]s edited the notes of %[2]s",
		AddedAction:       "%[1]s added an action for %[2]s",
		RecordedMilestone: "%[1]s recorded the milestone %[2]s",
		ParkedItem:        "%[1]s parked an item on %[2]s",
		ChangedReview:     "%s changed the review",
		HandedOver:        "%[1]s handed the facilitator role to %[2]s",
		AcceptedProposal:  "%[1]s accepted %[2]s's proposal: %[3]s",
		DeclinedProposal:  "%[1]s declined %[2]s's proposal: %[3]s",
		OpenedVote:        "%s opened a silent vote",
		RevealedVotes:     "%s revealed the votes",
		SettledVote:       "%s settled the vote",
		ChairBack:         "the facilitator did not come back: the host facilitates again",
		ChairRevoked:      "the team file no longer lets %s facilitate: the host facilitates again",
		ChairHeld:         "%[1]s left; the facilitator role is kept for them for a minute, %[2]s facilitates meanwhile",
		ChairReturned:     "%s is back and facilitates again",
		Left:              "%s left",
		OpenedEdits:       "%s lets contributors change answers themselves",
		ClosedEdits:       "%s takes contributors' ticks and notes as proposals again",
		InternalError:     "wafr caught an internal error (%s); the review goes on",
		SessionCrashed:    "a session ended on an internal error: %s",
		SessionFailed:     "the session of %[1]s ended on an error: %[2]s",

		TeamNotAKey:    "%[1]s:%[2]d: not a public key line (%[3]s); the line is skipped",
		TeamBadRole:    "%[1]s:%[2]d: role %[3]q is not facilitator, contributor or observer; the line is skipped",
		TeamBadOption:  "%[1]s:%[2]d: the key has the option %[3]q, which wafr serve cannot honour; the line is skipped",
		TeamRoleInName: "%[1]s:%[2]d: role= must come before the key type (it is in the name here); the line is skipped",
		TeamDuplicate:  "%[1]s:%[2]d: the key of %[3]s is listed again (as %[4]s); the first line counts",
		TeamUnreadable: "the team file %[1]s cannot be read: %[2]s",
		TeamGone:       "the team file %[1]s cannot be read (%[2]s): no one else can join until it is back",

		GoodbyeSaved:   "The review has ended; the answers are saved in %s. Thank you!",
		GoodbyeAside:   "The review has ended; %[1]s could not be saved, so the answers are in %[2]s. Thank you!",
		GoodbyeUnsaved: "The review has ended, but %s could not be saved: the host has the answers on screen.",
		GoodbyeStopped: "The review was stopped on the host.",
		GoodbyeRemoved: "Your key is no longer on the team of this review.",

		NeedsTerminal: "wafr serve needs a terminal: join with ssh -t (or without a command)",
		NotOnTeam:     "wafr: your key is no longer on the team",
		Ended:         "wafr: the review has ended",
		Crashed:       "wafr: this session ended on an internal error; the review goes on, and your answers are saved.",
	}
}
