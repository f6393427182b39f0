package main

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The command line and the TUI do no file work of their own: locking,
// writing and replacing files belong to the workspace package.
func TestNoFileWorkOutsideTheWorkspace(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not installed")
	}
	forbidden := []string{"github.com/gofrs/flock", "github.com/wafr-dev/wafr/internal/atomicfile", "github.com/wafr-dev/wafr/internal/filelock"}
	for _, pkg := range []string{"github.com/wafr-dev/wafr/cmd/wafr", "github.com/wafr-dev/wafr/tui"} {
		out, err := exec.Command("go", "list", "-f", "{{join .Imports \" \"}}", pkg).Output()
		if err != nil {
			t.Fatalf("go list %s: %v", pkg, err)
		}
		for _, imp := range strings.Fields(string(out)) {
			for _, f := range forbidden {
				if imp == f {
					t.Errorf("%s imports %s: file work belongs to the workspace package", pkg, imp)
				}
			}
		}
	}
	writers := map[string]bool{"WriteFile": true, "Create": true, "OpenFile": true, "Rename": true, "Remove": true, "RemoveAll": true,
		"Mkdir": true, "MkdirAll": true, "Chmod": true, "Chtimes": true, "Link": true, "Symlink": true, "Truncate": true, "CreateTemp": true}
	for _, dir := range []string{".", filepath.Join("..", "..", "tui")} {
		for _, file := range sources(t, dir) {
			ast.Inspect(file.ast, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if id, isIdent := sel.X.(*ast.Ident); isIdent && id.Name == "os" && writers[sel.Sel.Name] {
					t.Errorf("%s: os.%s: file work belongs to the workspace package", file.fset.Position(sel.Pos()), sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// No function in the TUI is longer than about 80 lines.
func TestShortFunctionsInTheTUI(t *testing.T) {
	for _, file := range sources(t, filepath.Join("..", "..", "tui")) {
		for _, decl := range file.ast.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			start, end := file.fset.Position(fn.Pos()), file.fset.Position(fn.End())
			if n := end.Line - start.Line + 1; n > 80 {
				t.Errorf("%s: %s is %d lines", start, fn.Name.Name, n)
			}
		}
	}
}

type parsedFile struct {
	fset *token.FileSet
	ast  *ast.File
}

// sources parses the non-test Go files of a folder.
func sources(t *testing.T, dir string) []parsedFile {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	var out []parsedFile
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, parsedFile{fset, f})
	}
	return out
}
