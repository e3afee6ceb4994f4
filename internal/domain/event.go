package domain

import "time"

// Event is a group of articles that report the same happening.
type Event struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	Start    time.Time `json:"start"`
	End      time.Time `json:"end"`
	Places   []Ref     `json:"places,omitempty"`
	Actors   []Ref     `json:"actors,omitempty"`
	Outlets  []string  `json:"outlets,omitempty"`
	Articles []string  `json:"articles"`
}
