package i18n

import "github.com/wafr-dev/wafr/questions"

// Japanese, written for Japanese engineers: the words the AWS console and
// Japanese SRE writing use (高リスク, マイルストーン, 適用外), short status
// phrases without a full stop, and full sentences with one. "Not
// applicable" is 適用外 throughout, never 該当なし, which lenses use for
// "None of these".
func japanese() *Catalog {
	levels := map[questions.Risk]string{
		questions.HighRisk: "高リスク", questions.MediumRisk: "中リスク", questions.NoRisk: "リスクなし",
		questions.NotApplicable: "適用外", questions.Unanswered: "未回答",
	}
	return &Catalog{
		Lang: Japanese,
		Risk: RiskNames{Label: levels, Word: levels, Heading: levels},
		Reasons: map[string]string{
			"OUT_OF_SCOPE": "対象外", "BUSINESS_PRIORITIES": "事業上の優先順位",
			"ARCHITECTURE_CONSTRAINTS": "アーキテクチャ上の制約", "OTHER": "その他", "NONE": "理由なし",
		},
		Statuses: map[string]string{
			"open": "未着手", "in-progress": "対応中", "done": "完了", "accepted-risk": "リスク受容",
		},
		Environments: map[string]string{"PRODUCTION": "本番", "PREPRODUCTION": "本番前"},
		TUI:          japaneseTUI(),
		Plan:         japanesePlan(levels),
		Summary:      japaneseSummary(levels),
		History:      japaneseHistory(),
		Actions:      japaneseActions(),
		HTML:         japaneseHTML(levels),
	}
}

func japanesePlan(levels map[questions.Risk]string) Plan {
	return Plan{
		Title:      "改善計画: %s",
		ReduceRisk: "%[1]s のリスクを下げる: %[2]s",
		Lens:       "レンズ", Environment: "環境", Owner: "オーナー", Milestone: "マイルストーン", Date: "日付",
		Reviewers: "レビュー参加者", Answered: "回答", Actions: "アクション",
		AnsweredOf:     "全 %[2]d 問中 %[1]d 問",
		ActionsSummary: "未完了 %[1]d 件(うち期限切れ %[2]d 件)、完了 %[3]d 件、リスク受容 %[4]d 件",
		RiskCol:        "リスク", QuestionsCol: "質問数", PieTitle: "リスク別の質問数",
		Levels:       levels,
		OtherActions: "その他のアクション", OtherItem: "%[1]s %[2]s(%[3]s):", NotApplicable: "適用外",
		QuestionCol: "質問", PillarCol: "柱", ReasonCol: "理由", NotesCol: "メモ",
		ItemFacts: "リスク: **%[1]s** · 柱: %[2]s", AnsweredBy: " · 回答者: %s",
		InPlace: "実施済みのプラクティス:", FollowsNone: "これらのプラクティスはまだどれも実施していません。",
		WhatNext: "次にやること:", Reference: "参考資料", Notes: "メモ:", ActionsHead: "アクション:",
		LearnMore: "参考資料", ToImprove: "改善するには",
		Contested: "意見が分かれました: 個別投票の結果が一致していません。", Agreed: "個別投票の結果は一致しました。", Nothing: "なし",
		ContestedHead: "個別投票で意見が分かれた質問", TimeHead: "レビューにかけた時間", TimeCol: "時間", TimeSpent: " · かけた時間: %s",
		FactSep: "、", TaskOwner: "担当 %s", TaskDue: "期限 %s", TaskOverdue: "(**期限切れ**)", TaskReason: "理由: %s", Ticket: "チケット",
	}
}

func japaneseActions() Actions {
	return Actions{
		ID: "ID", Status: "状態", Due: "期限", Owner: "担当", Question: "質問", Title: "タイトル", Workload: "ワークロード",
		None: "アクションはありません。", Overdue: "%s 期限切れ",
	}
}

func japaneseHistory() History {
	return History{
		Date: "日付", Milestone: "マイルストーン", Answered: "回答", Actions: "アクション 未完了/完了/リスク受容",
		Current: "(現在)", Trend: "推移   高 %[1]s   中 %[2]s",
		Unscored: "* レンズを読み込めないか、記録後に変更されているため、ファイルに記録されたリスクで数えています",
		MDTitle:  "## レビューの履歴: %s", MDHeader: "| 日付 | マイルストーン | 回答 | 高 | 中 | なし | 適用外 | アクション 未完了/完了/リスク受容 |",
		MDCurrent: "*現在*", MDCaption: "各マイルストーンの高リスク(1 本目)と中リスク(2 本目)の質問数:",
		MDChart: "高リスクと中リスク", MDAxis: "質問数", MDCurrentLabel: "現在",
	}
}

func japaneseSummary(levels map[questions.Risk]string) Summary {
	return Summary{
		Saved: "%s を保存しました。", NotCreated: "レビューは作成していません(%s は書き込んでいません)。",
		ParkedOne:  "保留リストに 1 件残っています(次の wafr serve で K を押すと一覧できます)。",
		ParkedMany: "保留リストに %d 件残っています(次の wafr serve で K を押すと一覧できます)。",
		Answered:   "全 %[2]d 問中 %[1]d 問に回答", AtMilestone: " · マイルストーン「%s」の時点", Updated: " · 更新日 %s",
		Pillar: "柱", Total: "合計",
		Columns: map[questions.Risk]string{
			questions.HighRisk: "高", questions.MediumRisk: "中", questions.NoRisk: "なし",
			questions.NotApplicable: "適用外", questions.Unanswered: "未回答",
		},
		Legend:   levels,
		Actions:  "アクション: 未完了 %[1]d 件(%[2]s)、完了 %[3]d 件、リスク受容 %[4]d 件",
		Overdue:  "うち期限切れ %d 件",
		Workload: "ワークロード", Lens: "レンズ", AnsweredCol: "回答", ActionsCol: "アクション", OverdueCol: "期限切れ", UpdatedCol: "更新日",
		Reviews: "レビュー %d 件", ReviewOne: "レビュー 1 件",
		MDTitle: "リスクのサマリー: %s", MDLine: "%[1]s %[2]s · 全 %[4]d 問中 %[3]d 問に回答", MDPillar: "柱",
		MDColumns: levels,
		MDTotal:   "合計", MDLens: "レンズ", MDUpdated: "更新日", MDWorkload: "ワークロード", MDAnswered: "回答",
	}
}

func japaneseHTML(levels map[questions.Risk]string) HTML {
	return HTML{
		Levels:    levels,
		PlanTitle: "改善計画: %s", Contents: "目次",
		Summary: "概要", Pillars: "柱ごとのリスク", Trend: "リスクの推移",
		HighRisk: "高リスク", MediumRisk: "中リスク", OtherActions: "その他のアクション",
		NotApplicable: "適用外", Unanswered: "未回答", NoRisk: "リスクなし",

		Lens: "レンズ", Environment: "環境", Owner: "オーナー", Milestone: "マイルストーン", Date: "日付",
		Reviewers: "レビュー参加者", AnsweredFact: "回答", ActionsFact: "アクション",

		AnsweredOf:     "全 %[2]d 問中 %[1]d 問",
		ActionsSummary: "未完了 %d 件(うち期限切れ %d 件)、完了 %d 件、リスク受容 %d 件",
		AnsweredLine:   "全 %[2]d 問中 %[1]d 問に回答済み: %[3]s。",
		Riskiest:       "リスクの高い柱: %s。",
		NoRiskiest:     "高リスク・中リスクの質問がある柱はありません。",
		PillarWith:     "%[1]s(%[2]s)",
		LevelCount:     "%[2]s %[1]d 問",
		ListSep:        "、", ListLast: "、",

		Legend: "凡例", BarCol: "質問の割合", Total: "合計", RiskCol: "リスク", QuestionsCol: "質問数", PillarCol: "柱",
		QuestionCol: "質問", ReasonCol: "理由", NotesCol: "メモ",

		RiskIs: "リスク", PillarIs: "柱", AnsweredBy: "回答者: %s", TimeSpent: "かけた時間: %s",
		InPlace: "実施済みのプラクティス", FollowsNone: "これらのプラクティスはまだどれも実施していません。",
		WhatNext: "次にやること", Reference: "参考資料", Notes: "メモ", Actions: "アクション",
		NotALink:    "%s(Web のリンクではありません)",
		ActionOwner: "担当 %s", ActionDue: "期限 %s", ActionReason: "理由: %s",
		Overdue: "期限切れ", Ticket: "チケット",

		TrendCaption: "マイルストーンごとの高リスク・中リスクの質問数", TrendDate: "日付",
		TrendMilestone: "マイルストーン", Current: "現在",
		NotScored:  "* レンズを読み込めないか、記録後に変更されているため、ファイルに記録されたリスクを数えています",
		TrendTable: "推移の表",
		Footer:     "wafr が %[1]s からレンズ %[2]s で作成しました。",

		PortfolioTitle: "ポートフォリオ: レビュー %d 件",
		PortfolioOne:   "ポートフォリオ: レビュー 1 件",
		PortfolioLine:  "レビュー %[1]d 件: %[2]s。未完了のアクション %[3]d 件(うち期限切れ %[4]d 件)。",
		Workload:       "ワークロード", Workloads: "ワークロード一覧", Due: "期限", Updated: "更新日", OpenActions: "未完了のアクション", OverdueActions: "期限切れ",
		HeatMap: "ヒートマップ: ワークロード別・柱別のリスク", HeatMapCaption: "柱ごとの高リスク・中リスクの質問数。色と記号はそのセルで最も高いリスクを表します",
		NotInLens:        "このレンズにはありません",
		TrendPerWorkload: "ワークロードごとの推移", NoMilestones: "マイルストーンはまだありません",
		OverdueList: "期限切れのアクション", NoOverdue: "期限切れのアクションはありません。",
		Reviews: "%d 件", ReviewOne: "1 件",
	}
}

func japaneseTUI() TUI {
	return TUI{
		Keys: Keys{
			Quit: "保存して終了", Leave: "レビューから抜ける", EndReview: "保存して全員のレビューを終了", Help: "ヘルプ", Navigator: "質問へ移動", Summary: "サマリー", Back: "戻る",
			Up: "上へ", Down: "下へ", Tick: "チェック", Next: "次の質問", Prev: "前の質問", Focus: "選択肢/ヘルプ欄の切り替え",
			NotApplicable: "適用外にする", Notes: "メモを編集", Milestone: "マイルストーンを保存",
			Action: "このプラクティスのアクションを作成", PageUp: "ヘルプを上へスクロール", PageDown: "ヘルプを下へスクロール",
			Open: "開く", Filter: "絞り込み: すべて/未回答/高リスク", Search: "検索", Close: "閉じる",
			NextField: "次の項目", PrevField: "前の項目", Confirm: "決定", Cancel: "キャンセル", Done: "完了",
			Reload: "ファイルの回答を採る", Keep: "自分の回答を残す", Retry: "保存を再試行", Force: "保存せずに終了",
			Switch: "切り替え", Abort: "終了", QuitAside: "ファイルを変えずに終了",
			KeepMine: "自分のメモを残す", KeepBoth: "両方残す", TakeTheirs: "相手のメモを採る",
			Follow: "ファシリテーターに追従/自由に移動", Vote: "投票: 開始・公開・確定", Accept: "提案を受け入れる",
			Decline: "提案を断る", TimeBox: "1 問あたりの時間(分)", Writers: "参加者が直接編集/提案",
			HandOver: "ファシリテーター役を渡す", Park: "あとで扱う項目を保留する", ParkingLot: "保留リスト", Proposals: "提案を全文で読む",
			Redraw: "画面を再描画",
		},
		Status: Status{
			NewReview:     "新しいレビュー: %s",
			NotCreated:    "ファイルはまだ作成していません",
			SaveFailed:    "保存できていません: %s(回答はメモリー上に残し、再試行しています)",
			ChangedOnDisk: "保存できていません: ディスク上のファイルが変更されました",
			Waiting:       "別のプログラムがファイルを書き終えるのを待っています…",
			Saving:        "保存中…", NoChanges: "変更なし", SavedJustNow: "保存しました", SavedAgo: "%s前に保存", ChangedOnDiskAsk: "選ぶまで保存しません: ディスク上のファイルが変更されました(q で選ぶ)",
			Seconds: "%d 秒", Minutes: "%d 分", Hours: "%d 時間",
			Progress:  "回答済み %[1]d/%[2]d · 高リスク %[3]d · 中リスク %[4]d ",
			KeysTitle: "キー操作", KeysClose: "(? か esc で閉じる)",
			TooSmall:            "端末が小さすぎます(%[1]dx%[2]d)。wafr には %[3]dx%[4]d 以上が必要です。ウィンドウを広げてください(q で終了)。",
			TooSmallShort:       "小さすぎます(q で終了)",
			TooSmallTyping:      "端末が小さすぎます(%[1]dx%[2]d)。wafr には %[3]dx%[4]d 以上が必要です。ウィンドウを広げてください。入力はそのまま続けられます(ctrl+c で終了)。",
			TooSmallTypingShort: "小さすぎます(ctrl+c で終了)",

			Locked:        "別の wafr がこのファイルに書き込み中です",
			StillChanging: "ファイルがまだ別のプログラムによって書き換えられています",
			TooLarge:      "レビューファイルが大きくなりすぎて読み込めなくなるため、書き込んでいません(古いマイルストーンや長いメモが主な原因です)",
			Unreadable:    "書き込もうとした内容を wafr が読み込めなくなるため、書き込んでいません",
			NotRegular:    "レビューファイルが通常のファイルではありません",
			NoFolder:      "レビューファイルのあるフォルダが見つかりません",
			NotWritable:   "wafr は新しいファイルを横に書いてから名前を変えて保存しますが、このフォルダではそれが許可されていません: %s",
			ReadOnly:      "レビューファイルが読み取り専用のため、wafr は書き換えません。保存するには書き込みを許可してください(chmod u+w)",
		},
		Question: Question{
			Position:      "%[1]s - %[2]d/%[3]d",
			NotApplicable: "適用外: %s(a で変更)",
			NoReason:      "理由の記載なし",
			NoNotes:       "メモなし(e で追加)",
			NotesLine:     "メモ: %s",
			MoreLines:     "(ほか %d 行)", MoreLine: "(ほか 1 行)",
			MoreActions: "ほかにアクションが %d 件あります(wafr action list)",
			Due:         "期限 %s", Overdue: "期限切れ",
			ChoiceOf: "選択肢 %[1]d/%[2]d", Above: "↑ 上に %d 件", Below: "↓ 下に %d 件",
			PaneMore: "↓ 続きあり(%d%%)", PaneEnd: "ここまで", PaneAbove: "↑ 上に続きあり",
			LearnMore: "参考資料", ToImprove: "改善するには", Rendering: "…",

			NotEditableTitle: "このメモはここでは編集できません",
			NotEditable:      "%[1]s のメモは%[2]sため、ここで編集すると内容が変わってしまいます。メモはそのまま残してあります。書き換えるには次を実行してください。\n\n  wafr answer %[3]s %[1]s --notes TEXT",
			TooManyLines:     "1 万行を超える", HasTabs: "タブを含む", HasCR: "復帰文字(CR)を含む",
			HasControls: "制御文字を含む",

			NothingToAdopt: "「どれにも当てはまらない」という選択肢なので、アクションは作れません",
			AlreadyTicked:  "チェック済みなので、アクションは不要です",
			AlreadyAdopted: "このプラクティスには未完了のアクションがすでにあります(質問のメモの下に表示)",
			NoSuchQuestion: "その質問はありません",
			NotesChanged:   "このメモはほかの人が変更しました。入力した内容はまだ保存されていません。エディタを閉じて、どちらを残すか選んでください",
		},
		Lists: Lists{
			Pillar: "柱", Answered: "回答済み", Total: "合計", OwnerIs: "オーナー: %s",
			LensLine:  "%[1]s · %[2]s · %[3]s",
			PillarOne: "柱: 1", Pillars: "柱: %d", QuestionOne: "質問: 1", Questions: "質問: %d",
			GoTo: "質問へ移動", Showing: "表示中: %s(f で切り替え、/ で検索)",
			All: "すべての質問", Unanswered: "未回答の質問", HighOnly: "高リスクの質問",
			PillarCount: "回答済み %[1]d/%[2]d", Empty: "表示する質問はありません。",
		},
		Search: Search{
			Prompt: "検索: ", Hint: "ID・タイトル・選択肢・説明・メモ・アクションから探します。enter で開き、esc で消去",
			Matches: "%d 問が一致", OneMatch: "1 問が一致", NoMatch: "一致する質問はありません",
			InChoice: "選択肢 %s", Description: "説明", Note: "メモ", InAction: "アクション %s", Resource: "%s の説明",
		},
		Summary: TUISummary{
			Title: "リスクのサマリー", Answered: "全 %[2]d 問中 %[1]d 問に回答",
			Actions: "アクション: 未完了 %[1]d 件、期限切れ %[2]d 件、完了 %[3]d 件、リスク受容 %[4]d 件",
			NoRisks: "高リスク・中リスクの質問はありません。", RiskList: "高リスク・中リスクの質問", EnterOpens: "(enter で開く)",
		},
		Setup: Setup{
			Title:           "新しいレビュー",
			Intro:           "レビューでは、1 つのワークロード(サービスやシステム)をレンズ「%s」に沿って確認します。",
			Name:            "ワークロード名",
			NamePlaceholder: "例: 決済 API",
			Suggested:       "enter で「%s」を使います。入力すると置き換わります",
			Environment:     "環境", SpaceToSwitch: "(space で切り替え)",
			Production: "本番", PreProduction: "本番前",
			Owner: "オーナー", OwnerPlaceholder: "チーム名または担当者名(任意)",
			Hint:      "enter: 次へ/開始 · esc: ファイルを作らずに終了",
			NeedsName: "ワークロード名を入力してください",
		},
		NA: NotApplicable{
			Title: "%s が適用外である理由", Unmark: "適用外を解除する", Current: "%s(現在の理由)",
			OutOfScope: "対象外", Business: "事業上の優先順位", Constraints: "アーキテクチャ上の制約",
			Other: "その他…", OtherReason: "その他", None: "理由なし",
			OtherTitle: "%s が適用外である理由", OtherAsk: "理由を簡単に書いてください(質問のメモに残ります):",
			OtherHint:   "enter で保存 · esc で戻る",
			OtherNeeded: "理由を書くか、戻ってほかの理由を選んでください",
			NotePrefix:  "適用外の理由: ",
		},
		Notes: Notes{
			Title: "%s のメモ", Placeholder: "チームで話したこと、フォローする人、リンクなど…",
			Hint: "入力した内容はその都度保存されます。esc か ctrl+s で閉じます。", ProposeHint: "入力した内容はその都度ファシリテーターに提案されます。esc か ctrl+s で閉じます。",
			UnsavedHint: "保存されていません(ほかの人がこのメモを変更しました)。esc か ctrl+s で閉じると、どちらを残すか確認します。",
			HeldHint:    "入力内容は保持していますが、まだファイルに保存されていません(理由はステータス行に表示)。esc か ctrl+s で閉じます。",
			PasteCut:    "メモは %[1]d 行までです。貼り付けた内容の最後の %[2]d 行は入りませんでした",

			ConflictTitle: "入力中にメモが変更されました",
			Conflict:      "入力している間に、ほかの人が %s のメモを変更しました。入力した内容はまだ保存されていません。",
			KeepMine:      "k  自分のメモを残す(相手のメモは置き換わります)",
			KeepBoth:      "b  両方残す(相手のメモのあとに自分のメモ)",
			TakeTheirs:    "r  相手のメモを採る(入力した内容は破棄します)",
			BackToText:    "esc  入力した内容に戻る",
			Dropped:       "相手のメモを残し、入力した内容は破棄しました",
			KeptMine:      "相手のメモに代えて、自分のメモを残しました",
			KeptBoth:      "両方のメモを残しました(相手のメモのあとに自分のメモ)",
		},
		Mile: Milestone{
			Title:       "マイルストーンを保存",
			Body:        "今の回答に名前を付けて保存し、あとで比べられるようにします(wafr diff %[1]s@NAME %[1]s、wafr history %[1]s)。",
			Placeholder: "例: 2026 年第 4 四半期のレビュー",
			NeedsName:   "マイルストーン名を入力してください", Exists: "同じ名前のマイルストーンがすでにあります",
			IsNumber:      "数字だけの名前は使えません(FILE@2 は 2 番目のマイルストーンを指します)。v2 のような名前にしてください",
			TooLargeTitle: "マイルストーンを保存できません",
			TooLarge: "このマイルストーンを加えるとレビューファイルが %[1]s になり、読み込める上限の %[2]s を超えてしまいます。" +
				"マイルストーンは保存していません。回答はこれまでどおり保存されます(古いマイルストーンや長いメモが主な原因です)。",
		},
		Action: Action{
			Title: "新しいアクション", Adopt: "取り入れるプラクティス: %s", Owner: "担当", Due: "期限",
			OwnerPlaceholder: "担当する人", DuePlaceholder: "YYYY-MM-DD(任意)",
			BadDue: "期限「%s」は 2026-12-31 のような形式の 1970 年以降の日付ではありません",
		},
		Conflict: Conflict{
			Title:        "ディスク上のレビューファイルが変更されました",
			Changed:      "%s がこのセッションの外で変更されました(git pull や別の wafr など)。何も上書きしていません。",
			BothChanged:  "双方で変更された質問: %s",
			DoesNotLoad:  "新しい版のファイルを読み込めません: %s",
			KeepWorking:  "esc  作業を続ける(ファイルを読み込めるようになれば保存を再開します)",
			LookFirst:    "esc  閉じて先に確認する(選ぶまで保存しません。q でもう一度尋ねます)",
			QuitBroken:   "q    ファイルには触れずに終了(このセッションの回答は %s に書き出します)",
			Reload:       "r  これらの質問はファイルの回答を採り、ほかはこのセッションの変更を残す",
			LeaveMeeting: "q  ライブレビューを抜ける(回答はホストの wafr に残ります)",
			Keep:         "k  これらの質問はこのセッションの回答を残し、ほかはマージする",
			Quit:         "q  ファイルには触れずに終了(このセッションの回答は %s に書き出します)",
		},
		Failed: SaveFailed{
			Title: "%s を保存できませんでした",
			Body:  "回答はまだ失われていません。問題(ディスクの空き容量や権限など)を解決して再試行するか、回答を隣のファイルに書き出して終了してください。Q で終了すると、前回の保存以降の変更は失われます。",
			Keys:  "r    再試行\nq    ファイルには触れずに終了(このセッションの回答は %s に書き出します)\nesc  レビューに戻る\nQ    保存せずに終了",
		},
		Notice: Notices{
			ApplicableAgain:   "%s の適用外を解除しました。チェックした選択肢が回答になります",
			NoneClearedOne:    "%[1]s: 「%[3]s」を選んだので、チェックしていたプラクティスを外しました",
			NoneCleared:       "%[1]s: 「%[3]s」を選んだので、チェックしていた %[2]d 件のプラクティスを外しました",
			Milestone:         "マイルストーン「%s」を記録しました",
			ActionAdded:       "アクション %s を追加しました",
			Merged:            "このセッションの外で行われた変更をマージしました",
			Recreated:         "%s は途中で削除されていたため、このセッションの回答で書き直しました",
			Unconfirmed:       "確定されなかったため保存していません: %[1]s:「%[2]s」",
			Reloaded:          "%s はファイルの回答を採りました。このセッションのほかの変更は残っています",
			KeptOurs:          "%d 問はこのセッションの回答を残し、それ以外はマージします",
			LintWarnings:      "レンズに lint の警告が %[1]d 件あります(wafr lens lint %[2]s)",
			LintWarning:       "レンズに lint の警告が 1 件あります(wafr lens lint %s)",
			LintCommand:       "lint の警告 %[1]d 件: wafr lens lint %[2]s",
			LintCommandOne:    "lint の警告 1 件: wafr lens lint %[2]s",
			LintWarningShort:  "レンズに lint の警告が %d 件あります(? でコマンドを表示)",
			LintWarningsShort: "レンズに lint の警告が %d 件あります(? でコマンドを表示)",

			LensReplaced:    "このレビューはレンズ %[1]s で回答されたものですが、ここでは別のレンズ %[2]s で評価しています",
			LensEdited:      "レビューの保存後にレンズ %[1]s の内容が変わりました(バージョンは %[2]s のまま)",
			LensEditedBare:  "レビューの保存後にレンズ %[1]s の内容が変わりました(レンズにバージョンがありません)",
			LensNewVersion:  "レビューの保存後にレンズ %[1]s が更新されました(バージョン %[2]s → %[3]s)",
			LensVersioned:   "レビューの保存後にレンズ %[1]s が更新されました(保存時はバージョンなし、現在は %[2]s)",
			LensUnversioned: "レビューの保存後にレンズ %[1]s が更新されました(保存時はバージョン %[2]s、現在はバージョンなし)",
			LensOrphan:      "。1 件の回答がレンズと対応しなくなりましたが、そのまま残しています",
			LensOrphans:     "。%d 件の回答がレンズと対応しなくなりましたが、そのまま残しています",

			MilestoneRenamed: "マイルストーン「%[1]s」は別の場所でも保存されていたため、このセッションのものを「%[2]s」に改名しました",
			ActionRenumbered: "アクション %[1]s は別の場所でも作成されていたため、このセッションのものを %[2]s に振り直しました",
		},
		Meeting: Meeting{
			TimeLeft: " ⏱ 残り %s ", Overtime: " ⏱ %s 超過 ",
			JoinWith: "参加するには: %s", HostKey: "ホスト鍵 %s", MorePeople: "ほか %d 人",
			Proposals: " 提案 %d 件(y で受け入れ、d で断る、P で全文) ", OneProposal: " 提案 1 件(y で受け入れ、d で断る、P で全文) ",
			VoteOpen:    "個別投票: チームが実施していると思うものをチェック(%[1]d/%[2]d 人が投票済み)",
			VoteReveals: " · v で公開", Agrees: "投票結果: チームの意見は一致しています",
			Disagrees: "投票結果: %d 個の選択肢で意見が分かれています", DisagreesOne: "投票結果: 1 個の選択肢で意見が分かれています",
			VoteSettles: " · v で確定", Proposes: "%[1]s さんが %[2]s について提案: %[3]s · y で受け入れ、d で断る",
			NobodyTicked: "投票でこれをチェックした人はいません。", TickedBy: "投票でチェックした人: ",
			VoteElsewhere: "%s で投票中です。先にそちらを確定してください", Roaming: "自由に移動中: F でファシリテーターへの追従に戻ります",
			Following: "ファシリテーターに追従しています",
			EndTitle:  "全員のレビューを終了しますか?", EndBody: "y で終了し、回答を保存します。ほかのキーを押すと戻ります。",
			EndBodyAside: "今はファイルに保存できません。y で終了すると、回答を %s に書き出します。ほかのキーを押すと戻ります。",
			EndProposal:  "決まっていない提案が 1 件あります。保留リストに残します。",
			EndProposals: "決まっていない提案が %d 件あります。保留リストに残します。",
			EndYes:       "レビューを終了", EndAnyKey: "ほかのキー", EndBack: "戻る",

			ParkTitle:       "%s の項目を保留する",
			ParkIntro:       "レビューの終わりまでに立ち戻る内容を 1 行で書いてください(あとでアクションかメモになります)。",
			ParkPlaceholder: "例: DBA チームと DR の手順書を確認する", ParkEmpty: "立ち戻る内容を書いてください",
			TimeBoxTitle:   "1 問あたりの時間",
			TimeBoxIntro:   "共有中の質問の残り時間と超過時間が全員に表示されます。0 でタイムボックスを解除します。",
			TimeBoxExample: "例: 5", TimeBoxBad: "0〜240 の分数で入力してください",
			HandOverTitle: "ファシリテーター役を渡す相手", HandOverEmpty: "引き継げる人がほかにいません。",
			SettleTitle: "%s の投票を確定する", SettleMajority: "多数がチェックしたものを回答にする: %s", SettleNothing: "過半数がチェックしたプラクティスはありません: 回答を空にする",
			SettleNothingNA: "過半数がチェックしたプラクティスはありません: 投票を記録し、適用外のままにする",
			SettleKeep:      "今の回答のままにする", SettleBack: "投票を続ける(戻る)",
			ProposalsTitle: "提案: enter か y で受け入れ · d で断る", ProposalsEmpty: "待っている提案はありません。",
			ProposalLine: "%[1]s さん(%[2]s): %[3]s",
			LotTitle:     "保留リスト", LotChairTitle: "保留リスト: a アクション · n メモ · x 削除",
			LotEmpty:    "保留中の項目はありません。質問画面で L を押すと保留できます。",
			LotToAction: "アクションにする", LotToNotes: "メモにする", LotDrop: "削除",
			ParkedTitle:   "保留リストからアクションを作成",
			ParkedIntro:   "「%s」\n\n担当者と、決まっていれば期限を書いてください: 例 alice, 2027-01-31",
			ParkedExample: "担当者, YYYY-MM-DD",
			ParkedGone:    "その保留項目はもうありません。ほかの人が対応済みです",
			Parked:        "%s に保留しました", ParkDropped: "保留中の項目を削除しました",
			ParkedToAction: "保留リストからアクション %s を追加しました", ParkedToNotes: "保留中の項目を %s のメモに追加しました",
		},
		Live: japaneseLive(),
	}
}

// japaneseLive speaks of people as "さん", as Japanese tools and meetings
// do; a sentence about what someone did ends in した.
func japaneseLive() Live {
	return Live{
		ObserverReadOnly:   "オブザーバーは閲覧のみで、レビューの内容は変更できません",
		FacilitatorOnly:    "この操作はファシリテーターだけができます",
		AskFacilitator:     "今はファシリテーターだけが変更できます。ファシリテーターに依頼してください",
		NoVote:             "投票は行われていません",
		VoteOpenAlready:    "すでに投票中です。先にその投票を確定してください",
		VotesRevealed:      "投票結果は公開済みです。回答はファシリテーターが確定します",
		NotLive:            "ライブレビューではこの操作はできません",
		PersonLeft:         "その参加者はすでに退出しています",
		ObserverCannotLead: "オブザーバーはファシリテーターになれません",
		ProposalGone:       "その提案はすでに処理されています",
		ProposalKeptBoth:   "提案のあとにメモが変更されたため、今のメモのあとに提案を続けて、両方を残しました",
		TooManyProposals:   "未処理の提案が %d 件あります。ファシリテーターが対応するまでお待ちください",
		TooManyParked:      "保留中の項目がすでに %d 件あり、これ以上は保留できません",

		TimeBoxOff:  "タイムボックスを解除しました",
		TimeBoxSet:  "1 問あたり %d 分に設定しました",
		TimeBoxOne:  "1 問あたり 1 分に設定しました",
		EditOpen:    "参加者が自分で回答を変更できるようにしました",
		EditClosed:  "参加者の変更は提案として届きます。受け入れるか断るかを選んでください",
		Facilitates: "%s さんがファシリテーターになりました",
		Proposed:    "ファシリテーターに提案しました: %s",
		Declined:    "提案を断りました",
		VoteOpened:  "個別投票を始めました。各自が非公開でチェックします(v で公開)",

		ChairLost:        "あなたはファシリテーターではなくなりました。今は %s さんが進行しています",
		YourProposalTook: "%[1]s さんがあなたの提案を受け入れました: %[2]s",
		YourProposalNot:  "%[1]s さんがあなたの提案を断りました: %[2]s",

		ProposeTick: "%s をチェック", ProposeUntick: "%s のチェックを外す", ProposeNotes: "メモ: %s", WithTitle: "%[1]s(%[2]s)",
		Undecided: "提案されたまま、レビューの終了までに決まらなかったもの: %s",

		Ticked:            "%[1]s さんが %[2]s をチェックしました",
		Unticked:          "%[1]s さんが %[2]s のチェックを外しました",
		MarkedNA:          "%[1]s さんが %[2]s を適用外にしました",
		MadeApplicable:    "%[1]s さんが %[2]s の適用外を解除しました",
		EditedNotes:       "%[1]s さんが %[2]s のメモを編集しました",
		AddedAction:       "%[1]s さんが %[2]s のアクションを追加しました",
		RecordedMilestone: "%[1]s さんがマイルストーン「%[2]s」を記録しました",
		ParkedItem:        "%[1]s さんが %[2]s に項目を保留しました",
		ChangedReview:     "%s さんがレビューを変更しました",
		HandedOver:        "%[1]s さんが %[2]s さんにファシリテーター役を渡しました",
		AcceptedProposal:  "%[1]s さんが %[2]s さんの提案を受け入れました: %[3]s",
		DeclinedProposal:  "%[1]s さんが %[2]s さんの提案を断りました: %[3]s",
		OpenedVote:        "%s さんが個別投票を始めました",
		RevealedVotes:     "%s さんが投票結果を公開しました",
		SettledVote:       "%s さんが投票を確定しました",
		ChairBack:         "ファシリテーターが戻ってこなかったため、ファシリテーター役はホストに戻りました",
		ChairRevoked:      "チームファイルの変更で %s さんはファシリテーターを務められなくなったため、ファシリテーター役はホストに戻りました",
		ChairHeld:         "%[1]s さんが退出しました。ファシリテーター役は 1 分間 %[1]s さんのために保持され、その間は %[2]s さんが進行します",
		ChairReturned:     "%s さんが戻り、再びファシリテーターになりました",
		Left:              "%s さんが退出しました",
		OpenedEdits:       "%s さんが、参加者が自分で回答を変更できるようにしました",
		ClosedEdits:       "%s さんが、参加者のチェックやメモを再び提案として受け付けるようにしました",
		InternalError:     "wafr で内部エラーが発生しました(%s)。レビューはそのまま続けられます",
		SessionCrashed:    "内部エラーでセッションが 1 つ終了しました: %s",
		SessionFailed:     "%[1]s さんのセッションがエラーで終了しました: %[2]s",

		TeamNotAKey:    "%[1]s の %[2]d 行目は公開鍵の行ではありません(%[3]s)。この行は無視します",
		TeamBadRole:    "%[1]s の %[2]d 行目: role「%[3]s」は facilitator・contributor・observer のいずれでもありません。この行は無視します",
		TeamBadOption:  "%[1]s の %[2]d 行目: 鍵にオプション「%[3]s」が付いています。その制限を wafr serve では守れないため、この行は無視します",
		TeamRoleInName: "%[1]s の %[2]d 行目: role= は鍵の種類より前に書いてください(この行では名前の部分にあります)。この行は無視します",
		TeamDuplicate:  "%[1]s の %[2]d 行目: %[3]s さんの鍵が、%[4]s として再び書かれています。最初の行を使います",
		TeamUnreadable: "チームファイル %[1]s を読み込めません: %[2]s",
		TeamGone:       "チームファイル %[1]s を読み込めません(%[2]s)。ファイルが戻るまで、新たに参加できる人はいません",

		GoodbyeSaved:   "レビューは終了しました。回答は %s に保存されています。お疲れさまでした。",
		GoodbyeAside:   "レビューは終了しました。%[1]s に保存できなかったため、回答は %[2]s に書き出しました。お疲れさまでした。",
		GoodbyeUnsaved: "レビューは終了しましたが、%s に保存できず、回答を別のファイルに書き出すこともできませんでした。理由はホストの端末に表示されています。",
		GoodbyeStopped: "ホストがレビューを停止しました。",
		GoodbyeRemoved: "あなたの鍵はこのレビューのチームから外されました。",

		GreetTitle:     "wafr serve: %s のライブレビュー",
		GreetJoin:      "  参加方法:   %s",
		GreetHostKey:   "  ホスト鍵:   %s",
		GreetKeyMade:   "              (今回作成しました。ssh に確認されたら、この値と照らし合わせてください)",
		GreetTeam:      "  チーム:     %[1]s、%[2]s(変更されると読み直します)",
		GreetNoTeam:    "  チーム:     --team なし。あなた自身の鍵(%[1]s、%[2]s)だけが、ファシリテーターとして参加できます",
		GreetWarning:   "  警告:       %s",
		GreetListening: "  警告:       %s で待ち受けています。ほかのマシンからもこのレビューに接続でき、参加できるかどうかはチームファイルで決まります",
		GreetKey:       "鍵 1 個",
		GreetKeys:      "鍵 %d 個",

		NeedsTerminal: "wafr serve には端末が必要です。ssh -t を付けるか、コマンドを付けずに接続してください",
		NotOnTeam:     "wafr: あなたの鍵はチームに含まれていません",
		Ended:         "wafr: レビューは終了しました",
		Crashed:       "wafr: 内部エラーのため、このセッションは終了しました。レビューは続いており、回答は保存されています。",
	}
}
