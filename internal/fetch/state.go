package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Validator is what a server said about a resource's version.
type Validator struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// State maps URLs to their validators for conditional requests. It is safe
// for concurrent use; the zero value is empty and ready.
type State struct {
	mu sync.Mutex
	m  map[string]Validator
}

// LoadState reads a state file; a missing file gives an empty State.
func LoadState(path string) (*State, error) {
	s := &State{m: map[string]Validator{}}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read fetch state: %w", err)
	}
	if err := json.Unmarshal(b, &s.m); err != nil {
		return nil, fmt.Errorf("read fetch state %s: %w", path, err)
	}
	return s, nil
}

// Save writes the state to path atomically (a temporary file renamed).
func (s *State) Save(path string) error {
	s.mu.Lock()
	b, err := json.MarshalIndent(s.m, "", "  ")
	s.mu.Unlock()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save fetch state: %w", err)
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("save fetch state: %w", err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("save fetch state: %w", err)
	}
	return nil
}

func (s *State) get(url string) (Validator, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[url]
	return v, ok
}

func (s *State) set(url string, v Validator) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]Validator{}
	}
	if v.ETag == "" && v.LastModified == "" {
		delete(s.m, url)
		return
	}
	s.m[url] = v
}
