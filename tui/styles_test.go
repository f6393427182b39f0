package tui

import (
	"testing"

	"github.com/wafr-dev/wafr/questions"
)

func TestStylesAdaptToBackgroundAndNoColor(t *testing.T) {
	dark, light := DefaultStyles(true, true), DefaultStyles(false, true)
	if dark.RiskHigh.GetForeground() == light.RiskHigh.GetForeground() || dark.Cursor.GetForeground() == light.Cursor.GetForeground() {
		t.Error("dark and light backgrounds get the same colours")
	}
	plain := DefaultStyles(true, false)
	if plain.badges[questions.HighRisk] != "[HIGH]" || plain.badges[questions.NotApplicable] != "[N/A]" {
		t.Errorf("plain badges %q", plain.badges)
	}
	var none = DefaultStyles(true, false).RiskHigh.GetForeground()
	if none != DefaultStyles(false, false).RiskHigh.GetForeground() {
		t.Error("NO_COLOR styles still differ by background")
	}
	if md := newMarkdown(true, false); md.style != "notty" {
		t.Errorf("markdown style without colour = %q", md.style)
	}
	if md := newMarkdown(false, true); md.style != "light" {
		t.Errorf("markdown style on light = %q", md.style)
	}
}
