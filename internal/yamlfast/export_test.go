package yamlfast

import "gopkg.in/yaml.v3"

// ParseInParts is Parse reading every block sequence of two entries or
// more in parts (at most parts of them), however short: the tests hold
// it to the tree Parse builds.
func ParseInParts(data []byte, parts int) (*yaml.Node, bool) { return parse(data, 0, parts) }
