package tui

// CheckNoEnglish is checkNoEnglish, for the tests of package tui_test
// (which may import serve, and run a live review's hub).
var CheckNoEnglish = checkNoEnglish
