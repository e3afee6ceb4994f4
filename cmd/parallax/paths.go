package main

import (
	"os"
	"path/filepath"
)

// defaultDBPath is $PARALLAX_DB, else parallax.db in the user's data
// directory ($XDG_DATA_HOME/parallax, ~/.local/share/parallax).
func defaultDBPath() string {
	if p := os.Getenv("PARALLAX_DB"); p != "" {
		return p
	}
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "parallax.db"
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "parallax", "parallax.db")
}
