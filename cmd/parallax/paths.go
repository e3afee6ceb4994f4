package main

import (
	"os"
	"path/filepath"
)

// defaultDBPath is $PARALLAX_DB, else parallax.db in the user's data
// directory (see dataDir).
func defaultDBPath() string {
	if p := os.Getenv("PARALLAX_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(), "parallax.db")
}

// dataDir is the user's Parallax data directory: $XDG_DATA_HOME/parallax,
// ~/.local/share/parallax, or the working directory when there is no home.
func dataDir() string {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "."
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "parallax")
}
