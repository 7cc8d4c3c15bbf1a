package normalize

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestOfPlacePrechecks: the word checks refuse no text the expressions
// match, for names of the usual shapes and random strings of their words
// in every case, Unicode case forms and invalid UTF-8.
func TestOfPlacePrechecks(t *testing.T) {
	texts := []string{"", "University of Tokyo", "The University of Hong Kong", "UNIVERSITÉ DE LYON", "Universität der Künste",
		"Universidad de Chile", "Carnegie Institution of Washington", "Weizmann Institute of Science", "univerſity of x"}
	pieces := []string{"the ", "University", "UNIVERSITY", "univerſity", "Universidad", "universitÄt", "UNIVERSITÀ", "Universiti",
		"Univer", "sity", " ", "  ", "\t", "of", "de", "Of", "DEL", "x", "Paris", "Institute", "Institution", "institute", "İ", "ı",
		"K", "ſ", "\xff", "大学"}
	texts = append(texts, randomTexts(11, 30000, 7, pieces...)...)
	for _, s := range texts {
		assert.Equal(t, universityOfPlace.MatchString(s), isUniversityOfPlace(s), "%q", s)
		assert.Equal(t, institutionOfPlace.MatchString(s), isInstitutionOfPlace(s), "%q", s)
	}
	assert.True(t, isUniversityOfPlace("University of Tokyo"))
	assert.True(t, isInstitutionOfPlace("Weizmann Institute of Science"))
	assert.True(t, hasFoldASCII("xUnIvErsity", "univer"))
	assert.False(t, hasFoldASCII("unive", "univer"))
}
