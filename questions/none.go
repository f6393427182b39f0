package questions

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
)

// looksLikeNone reports whether a choice title reads as "None of these", so
// that lint can warn when the choice's id does not end in NoneSuffix. It is
// a small recogniser, not a list of titles: in English, the word "none"
// (after at most a leading "no," or "we do") followed only by words that
// point back at the other choices ("of the above", "of these apply to us");
// in Japanese, the usual ways of saying "not applicable" or "none of them"
// (該当なし, いずれもない, いずれも該当しない, 該当するものはない, ...).
func looksLikeNone(title string) bool {
	// Most titles are practices: reject them without allocating. Every
	// Japanese form has な, ま or 無 (なし, ない, ありません, 無し).
	if !containsFold(title, "none") && !hasJapaneseNone(title) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(title), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	})
	if len(words) == 0 {
		return false
	}
	if noneJapanese().MatchString(strings.Join(words, "")) {
		return true
	}
	i := 0
	for i < len(words) && isNoneLead(words[i]) {
		i++
	}
	if i >= len(words) || words[i] != "none" {
		return false
	}
	for _, w := range words[i+1:] {
		if !isNoneFiller(w) {
			return false
		}
	}
	return true
}

// isNoneLead reports words that may come before "none": "No, none of
// these", "We do none of these".
func isNoneLead(w string) bool {
	switch w {
	case "no", "we", "i", "do", "currently", "follow", "use":
		return true
	}
	return false
}

// isNoneFiller reports words that may follow "none" without giving the
// choice a meaning of its own: they point back at the other choices or at
// the team. "None of our data leaves the region" is a practice, not "None
// of these", because "data" and "leaves" are not among them.
func isNoneFiller(w string) bool {
	switch w {
	case "of", "the", "above", "below", "these", "those", "them", "this", "that", "listed", "mentioned",
		"options", "option", "choices", "choice", "practices", "practice", "items", "answers", "statements",
		"apply", "applies", "applicable", "to", "us", "me", "we", "our", "my", "team", "workload",
		"organization", "are", "is", "in", "place", "used", "followed", "implemented", "at", "all", "yet",
		"currently", "here", "so", "far":
		return true
	}
	return false
}

// noneJapanese matches a Japanese title with spaces and punctuation removed:
// an optional 上記の/これらの, then
//   - 該当なし, 特になし, なし, 該当事項なし, ありません;
//   - いずれも/どれも/いずれにも/いずれでも + (該当|当てはま|実施...) + a
//     negative ending: いずれもない, いずれも該当しない, どれも当てはまらない;
//   - 該当する/当てはまる + もの/項目 + (は|が) + ない/なし/ありません.
//
// It is compiled when first needed: a command that finds its lens in the
// cache never needs it.
var noneJapanese = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:上記|以上|これら|前記)?の?(?:` +
		`(?:特に)?(?:該当(?:事項|項目|するもの)?)?(?:なし|無し|ない|無い|ありません)` +
		`|(?:いずれ|どれ|何|なに)(?:に|で)?も(?:該当|当てはま|あてはま|実施|採用|対応)?(?:して)?(?:しない|しません|らない|りません|ない|無い|ありません|いない|いません|なし)` +
		`|(?:該当|当てはまる|あてはまる)(?:する)?(?:もの|項目|選択肢)(?:は|が)?(?:ない|なし|無い|ありません|存在しない)` +
		`)(?:です)?$`)
})

// containsFold reports whether s contains the lower-case ASCII word w in
// any case.
func containsFold(s, w string) bool {
	first := w[0] | 0x20 // w is lower-case ASCII
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == first && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// hasJapaneseNone reports whether s has な, ま or 無, one of which every
// Japanese form of "none" has (なし, ない, ありません, 無し): three
// substring searches, each a fast byte scan, where ContainsAny would
// decode every rune of s.
func hasJapaneseNone(s string) bool {
	return strings.Contains(s, "な") || strings.Contains(s, "ま") || strings.Contains(s, "無")
}
