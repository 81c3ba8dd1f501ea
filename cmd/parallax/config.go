package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

// parseConfig reads a config file's settings, as name and values in file
// order: a JSON object (a value may be a string, number, boolean or a
// list of those) or lines of name=value ('#' starts a comment line).
// Hand-written: two tiny formats do not warrant a config library.
func parseConfig(b []byte) ([][2]string, error) {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		return parseJSONConfig(t)
	}
	var out [][2]string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		k = strings.TrimSpace(k)
		if !ok || k == "" {
			return nil, fmt.Errorf("line %d: want name=value", n)
		}
		out = append(out, [2]string{k, strings.TrimSpace(v)})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

func parseJSONConfig(b []byte) ([][2]string, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var m map[string]json.RawMessage
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("json: %w", err)
	}
	var out [][2]string
	for _, k := range sortedKeys(m) {
		var list []json.RawMessage
		raw := m[k]
		if err := json.Unmarshal(raw, &list); err != nil {
			list = []json.RawMessage{raw}
		}
		for _, item := range list {
			var v any
			d := json.NewDecoder(bytes.NewReader(item))
			d.UseNumber()
			if err := d.Decode(&v); err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			switch v := v.(type) {
			case string:
				out = append(out, [2]string{k, v})
			case json.Number, bool:
				out = append(out, [2]string{k, fmt.Sprint(v)})
			default:
				return nil, fmt.Errorf("%s: want a string, number, boolean or a list of those", k)
			}
		}
	}
	return out, nil
}

func sortedKeys(m map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// applyConfig sets the flags of fs the file at path names, except those
// given on the command line (flags override the file). A name that is
// not a flag, or a bad value, is an error.
func applyConfig(fs *pflag.FlagSet, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	settings, err := parseConfig(b)
	if err != nil {
		return fmt.Errorf("config %s: %w", path, err)
	}
	for _, kv := range settings {
		f := fs.Lookup(kv[0])
		if f == nil || kv[0] == "config" {
			return fmt.Errorf("config %s: unknown setting %q", path, kv[0])
		}
		if f.Changed {
			continue
		}
		if err := f.Value.Set(kv[1]); err != nil {
			return fmt.Errorf("config %s: %s: %w", path, kv[0], err)
		}
	}
	return nil
}

// listen opens the TCP listener of serve.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen on %s: %w", addr, err)
	}
	return ln, nil
}
