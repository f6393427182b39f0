package safeout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// No code outside this package writes JSON with encoding/json's own
// writers: they escape "&", "<" and ">" and leave bidi controls raw.
func TestTheOneJSONWriter(t *testing.T) {
	root := filepath.Join("..", "..")
	self := filepath.Join(root, "internal", "safeout")
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (name == "testdata" || strings.HasPrefix(name, ".")) || path == self {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		name := ""
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "encoding/json" {
				name = "json"
				if imp.Name != nil {
					name = imp.Name.Name
				}
			}
		}
		if name == "" {
			return nil
		}
		for _, decl := range f.Decls {
			fn, _ := decl.(*ast.FuncDecl)
			// A json.Marshaler's own encoder writes a fragment that the
			// outer writer (this package's) escapes; it must still keep
			// HTML characters as they are, since encoding/json only adds
			// escapes to a marshaler's output.
			marshaler := fn != nil && fn.Recv != nil && fn.Name.Name == "MarshalJSON"
			keepsHTML := false
			ast.Inspect(decl, func(n ast.Node) bool {
				if call, ok := n.(*ast.CallExpr); ok {
					if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "SetEscapeHTML" && len(call.Args) == 1 {
						if arg, ok := call.Args[0].(*ast.Ident); ok && arg.Name == "false" {
							keepsHTML = true
						}
					}
				}
				return true
			})
			ast.Inspect(decl, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != name {
					return true
				}
				switch sel.Sel.Name {
				case "NewEncoder":
					if marshaler && keepsHTML {
						return true
					}
					fallthrough
				case "Marshal", "MarshalIndent":
					t.Errorf("%s: json.%s: write JSON with safeout.WriteJSON or safeout.MarshalJSON", fset.Position(sel.Pos()), sel.Sel.Name)
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
