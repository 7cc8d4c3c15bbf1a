package normalize

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/agreements/agreements/internal/lazyre"
)

// Telling a partner from its unit when one cell or entry names both: after
// a comma, before it, on a line of its own, or run together in a script
// without spaces.

// isUnit reports a name of a unit of an institution, not of the
// institution: "School of International Studies", "Faculty of Agriculture",
// "数理学院", "工学研究科", "Engineering School". Each text is read once a
// document: the lexicon alone answers, and the pieces of a name come back
// in every line they are joined into.
func (c *docContext) isUnit(name string) bool {
	return recall(&c.units, name, c.readUnit)
}

// readUnit is isUnit, not remembered: what the lexicon says of name.
func (c *docContext) readUnit(name string) bool {
	name = strings.TrimSpace(name)
	if name == "" || c.endsAsInstitution(name) {
		return false
	}
	if c.lx.UnitWordAt(name) && !c.lx.IsInstitution(name) {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(name)
	if isCJK(r) || unicode.Is(unicode.Hangul, r) {
		return c.lx.UnitWordAtEnd(name)
	}
	// "Engineering School", "A.V. Luikov Heat and Mass Transfer Institute",
	// "Purple Mountain Observatory": a unit named by its last word.
	words := strings.Fields(strings.ToLower(name))
	return len(words) > 1 && unitNouns[strings.Trim(words[len(words)-1], ".,")] && !c.lx.IsInstitution(name)
}

// unitNouns are the last words of a unit's name.
var unitNouns = map[string]bool{"school": true, "faculty": true, "department": true, "institute": true, "laboratory": true,
	"laboratories": true, "center": true, "centre": true, "observatory": true, "observatories": true, "division": true,
	"facility": true, "facilities": true}

// endsAsInstitution reports a name whose last word makes it an
// institution's ("北京理工大学", "Kagoshima University").
func (c *docContext) endsAsInstitution(name string) bool {
	return c.lx.EndsAsUniversity(name)
}

// bracketDepth counts the brackets text opens and does not close.
func bracketDepth(text string) int {
	d := 0
	for _, r := range text {
		switch r {
		case '(', '（', '[', '［':
			d++
		case ')', '）', ']', '］':
			d--
		}
	}
	return d
}

// namesUniversity reports a name with a word for university in it.
func (c *docContext) namesUniversity(name string) bool {
	return c.lx.NamesUniversity(name)
}

// splitUnit splits a partner's unit named in the same cell after a comma,
// or before it: "Peking University, School of International Studies",
// "Faculty of Agriculture, Kagoshima University", "上海師範大学, 数理学院";
// or after the institution's name without a comma ("Norwegian University
// of Science and Technology (NTNU) Faculty of Medicine"). An institution
// whose own name holds a comma ("University of California, Berkeley") is
// left whole.
func (c *docContext) splitUnit(name string) (partner, unit string, markers []string) {
	if markerChars.in(name) {
		if m := midMarkerRe.FindStringSubmatch(name); m != nil {
			// "全南大学校♦ 工科大学", "Chiangmai University * Faculty of
			// Dentistry": a marker between the name and its unit.
			head, tail := strings.TrimRight(m[1], ",，、 "), strings.TrimLeft(m[3], ",，、 ")
			if p, u, ms := c.splitUnit(head + ", " + tail); u != "" {
				return p, u, append([]string{canonicalMarker(m[2])}, ms...)
			}
			afterMarker := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(name[len(m[1]):]), m[2]))
			if r, _ := utf8.DecodeRuneInString(afterMarker); strings.ContainsRune(",，、", r) && !strings.ContainsAny(tail, ",，、;；") &&
				c.namesOrganisation(head) && c.namesOrganisation(tail) && !c.lx.IsFederation(tail) {
				// "Vietnam Academy of Science and Technology*, Graduate
				// University of Science and Technology": the marker ends
				// the partner's name, so the name after the comma is no
				// part of it but its unit's. (A name with a comma of its
				// own has the marker after the whole: "University of
				// Science, Vietnam National University - Ho Chi Minh City*".)
				return head, tail, []string{canonicalMarker(m[2])}
			}
		}
	}
	if !detailSeps.in(name) {
		return c.splitUnitInName(name) // no separator: the unit, if any, follows the name
	}
	pieces := splitDetails(name, -1) // name's pieces, for the three readings below
	if all := pieces; len(all) == 4 && isAcronym(all[0]) && isAcronym(all[2]) {
		// "DLR, German Aerospace Center, DFD, German Remote Sensing Data
		// Center": an acronym and its name, then the unit's.
		return all[0] + ", " + all[1], all[2] + ", " + all[3], nil
	}
	if all := pieces; len(all) >= 3 {
		// "University of Nigeria, Nsukka, Faculty of Physical Sciences":
		// the unit starts at the first part that names one.
		for k := 1; k < len(all); k++ {
			p, _ := splitMarkers(all[k])
			if !c.lx.UnitWordAt(p) && !c.isUnit(p) && !c.namedUnit(p) {
				continue
			}
			head, _ := splitMarkers(strings.Join(all[:k], ", "))
			if k > 1 && c.lx.IsInstitution(head) && !c.isUnit(all[0]) && !c.lx.IsFederation(p) {
				tail, ms := splitMarkers(strings.Join(all[k:], ", "))
				return head, tail, ms
			}
			break
		}
	}
	parts := splitDetails(name, 2)
	if len(parts) < 2 {
		return c.splitUnitInName(name)
	}
	head, hm := splitMarkers(parts[0])
	tail, tm := splitMarkers(parts[1])
	markers = append(hm, tm...)
	if c.lx.IsFederation(tail) {
		return name, "", nil // "The School of Oriental and African Studies, University of London"
	}
	if all := pieces; len(all) > 2 {
		// "Changchun Institute of Optics, Fine Mechanics and Physics,
		// Chinese Academy of Sciences": the unit first, the institution
		// after the last comma.
		i := strings.LastIndex(name, all[len(all)-1])
		first, _ := splitMarkers(strings.TrimRight(strings.TrimSpace(name[:i]), ",，、;"))
		last, lm := splitMarkers(all[len(all)-1])
		if c.lx.IsInstitution(last) && !c.unitish(last) && c.unitish(first) && !c.lx.IsInstitution(strings.Split(first, ",")[0]) {
			return last, first, lm
		}
	}
	switch {
	case c.unitish(head) && !c.lx.IsInstitution(head) && c.lx.IsInstitution(tail) && !c.unitish(tail):
		// "The Institute for Analytical Sociology, Linköping University"
		return tail, head, markers
	case c.unitish(head) && !c.namesUniversity(head) && c.namesUniversity(tail) && !c.unitish(tail):
		// "Sahlgrenska Academy Institute of Odontology, University of
		// Gothenburg": an institute named before the university it is part of.
		return tail, head, markers
	case c.isUnit(head) && c.isUnit(tail) && isCJK(lastRune(head)) && academy(tail) && !academy(head):
		return tail, head, markers // "物理研究所, 中央研究院"
	case c.isUnit(head) && c.lx.IsInstitution(tail) && !c.isUnit(tail),
		c.lx.UnitWordAt(head) && c.lx.IsInstitution(tail) && !c.lx.UnitWordAt(tail),
		lastWordIs(head, "college", "school", "faculty", "institute") && c.endsAsInstitution(tail) && !c.lx.IsInstitution(strings.TrimSuffix(strings.ToLower(head), " college")):
		// "Faculty of Agriculture, Kagoshima University", "College of
		// Medicine & Health Sciences, United Arab Emirates University"
		return tail, head, markers
	case c.isUnit(head) && c.isUnit(tail) && !c.lx.IsInstitution(tail) && isCJK(lastRune(head)):
		return head, tail, markers // "中央研究院, 物理研究所": the academy, then its institute
	case isAcademyName(head) && (c.lx.IsInstitution(tail) || c.unitish(tail)) && !c.lx.IsFederation(tail):
		// "Vietnam Academy of Science and Technology, Graduate University
		// of Science and Technology": an academy, then one of its
		// institutions.
		return head, tail, markers
	case namedInstitute(head) && c.lx.UnitWordAt(tail) && !c.lx.UnitWordAt(head):
		// "Vietnam Atomic Energy Institute, Institute of Materials
		// Science": an institute known by its own name, then its unit.
		return head, tail, markers
	case c.endsAsInstitution(head) && lastWordIs(strings.TrimSpace(trailingAcronymRe.ReplaceAllString(tail, "")), "hospital"):
		// "Alexandria University, Smouha Emergency and Accident Hospital
		// (SEAH)": a university's hospital.
		return head, tail, markers
	case isAcronym(head) && c.endsAsInstitution(tail) && !isAcronym(tail):
		// "IDEC, Hiroshima University": a unit known by its acronym,
		// then the university it belongs to.
		return tail, head, markers
	case koreanCollege(head, tail):
		return head, tail, markers // "全南大学校, 工科大学"
	case koreanCollege(tail, head):
		return tail, head, markers
	case c.namesUniversity(head) && c.endsAsInstitution(head) && hospital(tail):
		// "Alexandria University, Smouha Emergency and Accident Hospital
		// (SEAH)": a university's hospital named after it.
		return head, tail, markers
	case (c.endsAsInstitution(head) || trailingAcronymRe.MatchString(head)) && c.namedByField(tail):
		// "Myongji University, Social Education", "National Institute of
		// Development Administration (NIDA), Language and Communication":
		// a unit named by its field alone, after a name that ends as an
		// institution's.
		return head, tail, markers
	case namedInstitute(trailingAcronymRe.ReplaceAllString(head, "")) && namedInstitute(trailingAcronymRe.ReplaceAllString(tail, "")) &&
		!c.namesUniversity(tail) && !isAcronym(head):
		// "National Applied Research Laboratories, Taiwan Semiconductor
		// Research Institute": two known by their own names, the second
		// the first's unit, as the document names a partner before its
		// unit (a document that names units first is read by unitFirst).
		return head, tail, markers
	case !c.isUnit(head) && c.unitish(tail) && !isAcronym(head):
		// "Aalto University, The School of Arts, Design and Architecture";
		// an acronym followed by what it stands for is one name ("DLR,
		// German Aerospace Center").
		return head, tail, markers
	}
	if p, u, ms := c.splitUnitInName(name); u != "" {
		return p, u, ms // "Mahidol University * Faculty of Medicine, Ramathibodi Hospital"
	}
	return name, "", nil
}

// namedByField reports a name of a unit known by its field alone: a few
// capitalised words, joined by "and", "of" or "&", the last a field the
// lexicon knows ("Social Education", "Plasma and Radiation Physics"), and
// no institution's or unit's word.
func (c *docContext) namedByField(name string) bool {
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 6 || !c.lx.EndsWithDiscipline(name) {
		return false
	}
	for _, w := range words {
		switch w {
		case "and", "of", "&", "for":
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return !c.lx.IsInstitution(name) && !c.lx.HasUnitWord(name) && !c.namesUniversity(name)
}

// academyRe matches the name of an academy of sciences, whose institutes
// and universities are its units (run by isAcademyName on the texts that
// can match).
var academyRe = lazyre.New(`(?i)\bacademy of (?:sciences?|science and technology|social sciences|agricultural sciences|medical sciences)$`)

// trailingAcronymRe matches a bracketed acronym ending a name.
var trailingAcronymRe = lazyre.New(`\s*[(（][A-Z0-9&.\-]{2,12}[)）]$`)

// namedInstitute reports a name of an institute (centre, laboratory,
// council) known by its own name, the kind's word last: "Vietnam Atomic
// Energy Institute", "Daresbury Laboratory".
func namedInstitute(name string) bool {
	return lastWordIs(name, "institute", "institution", "centre", "center", "laboratory", "laboratories", "council", "agency", "organization", "organisation")
}

// The orders in which a document names a partner with its unit after a
// comma.
const (
	orderUnknown   = iota // not looked at yet
	orderNameFirst        // "Mahidol University, Faculty of Medicine", or no telling
	orderUnitFirst        // "Faculty of Social Sciences, University of Leicester"
)

// unitsFirst reports a document that names each unit before its
// institution: the entries whose words tell the unit from the institution
// ("Faculty of Social Sciences, University of Leicester") are most of them
// so, and at least two.
func (c *docContext) unitsFirst() bool {
	if c.unitOrder != orderUnknown {
		return c.unitOrder == orderUnitFirst
	}
	unitFirst, nameFirst := 0, 0
	count := func(text string) {
		if !commaChars.in(text) {
			return
		}
		name := strings.TrimSpace(splitDash(text, 2)[0])
		for {
			rest, _, ok := cutTrailingBrackets(name)
			if !ok || strings.TrimSpace(rest) == "" {
				break
			}
			name = strings.TrimSpace(rest)
		}
		parts := splitDetails(name, -1)
		if len(parts) != 2 {
			return
		}
		head, _ := splitMarkers(parts[0])
		tail, _ := splitMarkers(parts[1])
		switch {
		case c.isUnit(head) && c.institutionOnly(tail):
			unitFirst++
		case c.institutionOnly(head) && c.isUnit(tail):
			nameFirst++
		}
	}
	// A text met again (a date, a country, in cell after cell) counts as
	// it did the first time: each is read once.
	const counted, unitCounted, nameCounted = 0, 1, 2
	seen := map[string]int8{}
	for text := range docTexts(c.doc) {
		if !commaChars.in(text) {
			continue // (what count reads first: a text without a comma counts nothing, and is not remembered)
		}
		k, ok := seen[text]
		if !ok {
			u, n := unitFirst, nameFirst
			count(text)
			k = counted
			switch {
			case unitFirst > u:
				k = unitCounted
			case nameFirst > n:
				k = nameCounted
			}
			if len(seen) >= textMemo {
				clear(seen)
			}
			seen[text] = k
			continue
		}
		switch k {
		case unitCounted:
			unitFirst++
		case nameCounted:
			nameFirst++
		}
	}
	c.unitOrder = orderNameFirst
	if unitFirst >= 2 && unitFirst > 2*nameFirst {
		c.unitOrder = orderUnitFirst
	}
	return c.unitOrder == orderUnitFirst
}

// institutionOnly reports a name of an institution that names no unit:
// "Chonnam National University", "University of Leicester".
func (c *docContext) institutionOnly(name string) bool {
	return (c.endsAsInstitution(name) || isUniversityOfPlace(name) || c.lx.IsInstitution(name)) && !c.unitish(name)
}

// unitFirst reads a unit's agreement named "unit, institution" in a
// document that names every unit before its institution, where the words
// of the two names do not tell them apart: "Institute of Education,
// University of London" (where a university-wide list names a member
// school of the federal university whole), "Korea Institute of Robot and
// Convergence (KIRO), Disaster Robotics Center (DRC)".
func (c *docContext) unitFirst(name string) (partner, unit string, markers []string, ok bool) {
	if !strings.ContainsAny(name, ",，、") {
		return "", "", nil, false
	}
	parts := splitDetails(name, -1)
	if len(parts) != 2 {
		return "", "", nil, false
	}
	head, hm := splitMarkers(parts[0])
	tail, tm := splitMarkers(parts[1])
	// (A head that names no organisation at all, before a university's
	// name, is a unit too: "Social Education, Myongji University".)
	if !(c.unitish(head) || !c.namesOrganisation(head) && c.endsAsInstitution(tail)) || !c.namesOrganisation(tail) || !c.unitsFirst() {
		return "", "", nil, false
	}
	return tail, head, append(hm, tm...), true
}

// cjkUnitRe finds a unit named right after a university in a script
// without spaces: "上海師範大学数理学院", "香港理工大学 人間学部".
var cjkUnitRe = lazyre.New(`^(\p{Han}.*?(?:大学校|大学|大學|大学院大学|研究院|科学院))\s*(\p{Han}[\p{Han}\p{Katakana}ー・]*?(?:学院|学部|研究科|研究所|研究院|センター|学科|学府|系|中心))$`)

// cjkCollegeRe finds a Korean university's college named right after it.
var cjkCollegeRe = lazyre.New(`^(\p{Han}+大学校)\s*(\p{Han}{2,8}大学)$`)

// universityOfPlace matches a university named after its place: "University
// of Sri Jayawardenepura", "Universidad de Chile".
var universityOfPlace = lazyre.New(`(?i)^(?:the\s+)?(?:university|universidad|universidade|université|universität|università|universiti|universitas)\s+(?:of|de|do|da|di|del|du|des)\s+\S+(?:\s+\S+)?$`)

// isUniversityOfPlace is universityOfPlace.MatchString(s), run only on a
// text that holds "univer" in any case, as every match does (no letter of
// it has a case form outside ASCII). Most names do not, and the expression
// is then not even compiled.
func isUniversityOfPlace(s string) bool {
	return hasFoldASCII(s, "univer") && universityOfPlace.MatchString(s)
}

// isInstitutionOfPlace is institutionOfPlace.MatchString(s), run only on
// a text that holds "Institut", as every match does.
func isInstitutionOfPlace(s string) bool {
	return strings.Contains(s, "Institut") && institutionOfPlace.MatchString(s)
}

// hasFoldASCII reports whether s holds word (lower-case ASCII letters)
// in any mix of cases.
func hasFoldASCII(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		k := 0
		for k < len(word) && s[i+k]|0x20 == word[k] {
			k++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}

// institutionOfPlace matches an institution named after its founder and
// its place: "Carnegie Institution of Washington".
var institutionOfPlace = lazyre.New(`^\p{Lu}\S*\s+(?:Institution|Institute)\s+of\s+\p{Lu}\S+$`)

// endsWithSubject reports a name that ends as institutions' names do
// after "of": "University of Medical Sciences", "Institute of Technology".
// ("National Research University Higher School of Economics" does not.)
func endsWithSubject(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) < 3 {
		return false
	}
	switch f[len(f)-1] {
	case "sciences", "science", "technology", "studies", "medicine", "arts", "economics", "engineering", "agriculture",
		"education", "health", "pharmacy", "law", "design", "music", "business", "management", "languages":
		return true
	}
	return false
}

// unitOnItsLine marks the line break of a cell that gives the partner on
// its first lines and the partner's unit on the next ("Chiangmai
// University" / "Plasma and Beam Physics Research Facility") with a comma,
// so the entry reader splits them; a name wrapped in a narrow column does
// not break where an institution's name ends and a unit's begins.
//
// A comma says where the unit starts, unless it stands inside the unit:
// the name and its unit each wrapped in a narrow column ("Erasmus
// University" / "Rotterdam" / "Erasmus Medical" / "Center, Department of"
// / "Epidemiology"), where the unit's first word would have fitted on
// the line that ends the name. A line never ends a name with a word that
// goes on ("University of" / "Amsterdam") or qualifies the next ("National
// Research University Higher" / "School of Economics"), nor starts a unit
// with a small letter ("Norwegian University" / "of Science and"), and a
// unit's bare word on a line of its own names no unit ("Lund University
// MAX IV" / "Laboratory").
func (c *docContext) unitOnItsLine(lines []string, text string) string {
	if len(lines) < 2 {
		return text
	}
	comma := strings.ContainsAny(splitDash(text, 2)[0], ",，、")
	if comma && hasCJK(text) {
		return text // a comma already says where the unit starts
	}
	// Of the line breaks where a name can end and a unit start, the first
	// that the width did not force ("Erasmus University" / "Rotterdam" /
	// "Thorax Centre": the name wrapped, then broke), else the first.
	first := -1
	for k := 1; k < len(lines); k++ {
		head, _ := splitMarkers(joinWrapped(lines[:k]))
		tail, _ := splitMarkers(joinWrapped(lines[k:]))
		if bracketDepth(head) != 0 {
			continue // the line broke inside brackets: "… (Agreement on Academic Exchange / Programme for Students)"
		}
		if endsWithConnector(head) || c.lx.EndsWithModifier(head) || startsLower(tail) || c.lx.IsUnitWord(tail) {
			continue // the name goes on ("… University Higher" / "School of Economics", "… MAX IV" / "Laboratory": a unit's bare word names none)
		}
		if cjkBreak(head, tail) && !c.endsAsInstitution(head) || len(splitDash(head, 2)) > 1 {
			continue // a CJK word broken ("部局間協" / "定"), or the entry's details already begun
		}
		if comma && (strings.ContainsAny(head, ",，、") || !hardBreak(lines, k)) {
			continue // the comma is the name's, or inside a unit that wrapped
		}
		if hardBreak(lines, k) && c.namesOrganisation(head) && c.unitish(tail) && !c.namesUniversity(tail) && !c.lx.IsInstitution(tail) {
			// "National Center of Scientific Research" / "The
			// Interdisciplinary Center on Nanoscience of Marseille": a line
			// the width did not end, then a unit's name.
			first = k
			break
		}
		ends := c.endsAsInstitution(head) || strings.HasSuffix(head, ")") || endsWithSubject(head) || isUniversityOfPlace(head) || isInstitutionOfPlace(head) ||
			c.namesUniversity(head) && !c.unitish(head) && !c.namesUniversity(tail)
		if ends && (c.isUnit(tail) || c.unitish(tail)) || c.lx.IsInstitution(head) && c.lx.UnitWordAt(tail) && !c.lx.IsInstitution(tail) {
			if first < 0 {
				first = k
			}
			if hardBreak(lines, k) {
				first = k
				break
			}
		}
	}
	if first < 0 {
		return text
	}
	return joinWrapped(lines[:first]) + ", " + joinWrapped(lines[first:])
}

// hardBreak reports a line break before lines[k] that the text's width
// did not force: the first word of lines[k] would have fitted on the line
// before it, the longest line's length (in characters) taken as the
// width.
func hardBreak(lines []string, k int) bool {
	width := 0
	for _, l := range lines {
		width = max(width, utf8.RuneCountInString(strings.TrimSpace(l)))
	}
	next := strings.Fields(lines[k])
	if len(next) == 0 {
		return false
	}
	return utf8.RuneCountInString(strings.TrimSpace(lines[k-1]))+1+utf8.RuneCountInString(next[0]) <= width
}

// namesOrganisation reports a name of an institution or of a unit of one
// ("Graduate University of Science and Technology", "Institute of
// Materials Science"), where a place ("Berkeley", "Ho Chi Minh City") is
// not.
func (c *docContext) namesOrganisation(name string) bool {
	return c.lx.IsInstitution(name) || c.unitish(name)
}

// hospital reports a name of a hospital, perhaps with its acronym after it
// ("Smouha Emergency and Accident Hospital (SEAH)").
func hospital(name string) bool {
	if rest, _, ok := cutTrailingBrackets(name); ok && strings.TrimSpace(rest) != "" {
		name = rest
	}
	return lastWordIs(strings.TrimSpace(name), "hospital")
}

// lastWordIs reports a name whose last word is one of words.
func lastWordIs(name string, words ...string) bool {
	f := strings.Fields(strings.ToLower(name))
	return len(f) > 1 && slices.Contains(words, f[len(f)-1])
}

// academy reports a name of an academy or research institution in a script
// without spaces ("中央研究院", "中国科学院").
func academy(name string) bool {
	return strings.HasSuffix(name, "研究院") || strings.HasSuffix(name, "科学院") || strings.HasSuffix(name, "アカデミー")
}

// koreanCollege reports a Korean university (大学校, 대학교) and one of
// its colleges (大学, 대학): "全南大学校, 工科大学".
func koreanCollege(university, college string) bool {
	return (strings.HasSuffix(university, "大学校") || strings.HasSuffix(university, "대학교")) &&
		(strings.HasSuffix(college, "大学") || strings.HasSuffix(college, "대학")) && len(college) < len(university)+6
}

// unitish reports a text that names a unit somewhere in it ("Tallin School
// of Economics", "Ecole Polytechnique de Bruxelles", "数理学院"), where a
// place ("Berkeley", "Bangalore") does not. Each text is read once a
// document, as isUnit's.
func (c *docContext) unitish(text string) bool {
	return recall(&c.unitishs, text, c.readUnitish)
}

// readUnitish is unitish, not remembered.
func (c *docContext) readUnitish(text string) bool {
	if c.lx.HasUnitWord(text) || c.isUnit(text) {
		return true
	}
	l := strings.ToLower(text)
	for _, w := range []string{"ecole", "école", "escuela", "escola", "facultad", "faculdade", "fakultät", "faculté", "institut", "istituto",
		"dipartimento", "departamento", "laborator", "centro", "center", "centre", "zentrum", "centrum", "faculties", "programme"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// midMarkerRe finds a marker standing between two parts of a name.
var midMarkerRe = lazyre.New(`^(\S.*?)\s*([*＊∗♦◆◇★☆]+)\s*,?\s*(\S.*)$`)

// unitConnector reports a text with a word unitOpenerRe needs after the
// unit's kind: a cheap test before the expression.
func unitConnector(s string) bool {
	for _, w := range []string{" of ", " for ", " de ", " der ", " des ", " d'", " di ", " du ", " für "} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// unitOpeners are the words a unit's name starts with inside a longer name.
// Plurals name units that share the agreement ("Colleges of Agricultural
// and Environmental Sciences").
var unitOpeners = []string{"Faculty", "School", "Graduate School", "College", "Department", "Institute", "Center", "Centre", "Division",
	"Laboratory", "Faculties", "Schools", "Colleges", "Departments", "Institutes", "Centers", "Centres", "Divisions", "Laboratories",
	"Faculdade", "Facultad", "Fakultät", "Escuela", "Escola", "Instituto", "Département", "Faculté", "Centro", "Dipartimento",
	"Departamento", "Facoltà", "École", "Ecole"}

// opensAsUnit reports a name that opens with a unit's kind and its
// connector ("College of Liberal Arts", "School for Advanced Studies") and
// names no university nor opens with an institution's phrase ("Institute
// of Technology Bandung"): a unit's name where it follows its institution's,
// though "College of" may open an institution's own ("College of
// Charleston") where it stands alone.
func (c *docContext) opensAsUnit(name string) bool {
	s := " " + strings.TrimSpace(name)
	if !hasUnitOpener(s) {
		return false
	}
	loc := unitOpenerRe.FindStringIndex(s)
	return loc != nil && loc[0] == 0 && !c.namesUniversity(name) && !c.lx.OpensWithInstitutionPhrase(name)
}

// namedUnit reports a unit known by a name before its kind ("Bourns
// College of Engineering", "Wharton School of Business"): a unit's kind
// and its connector inside the name, which names no university.
func (c *docContext) namedUnit(name string) bool {
	s := " " + strings.TrimSpace(name)
	return hasUnitOpener(s) && unitOpenerRe.MatchString(s) && !c.namesUniversity(name) && !c.lx.OpensWithInstitutionPhrase(name)
}

// unitOpenerRe finds where a unit's name starts inside a longer name.
var unitOpenerRe = lazyre.New(`\s(?:` + strings.Join(unitOpeners, "|") + `)\s+(?:of|for|de|der|des|d'|di|du|für)\s`)

// hasUnitOpener reports whether s holds one of unitOpeners after white
// space, as every text unitOpenerRe matches does: the others are not run
// through it. It looks at the bytes after white space only.
func hasUnitOpener(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			continue
		}
		for _, w := range unitOpenersBy[s[i+1]] {
			if strings.HasPrefix(s[i+1:], w) {
				return true
			}
		}
	}
	return false
}

// unitOpenersBy holds unitOpeners by their first byte.
var unitOpenersBy = func() (by [256][]string) {
	for _, w := range unitOpeners {
		by[w[0]] = append(by[w[0]], w)
	}
	return by
}()

// splitUnitInName splits a unit named right after the institution, with no
// comma between: the part before must name an institution and end as one
// (or with an acronym in brackets).
func (c *docContext) splitUnitInName(name string) (string, string, []string) {
	if hasCJK(name) {
		if m := cjkUnitRe.FindStringSubmatch(name); m != nil {
			return strings.TrimSpace(m[1]), strings.TrimSpace(m[2]), nil // "上海師範大学数理学院"
		}
		if m := cjkCollegeRe.FindStringSubmatch(name); m != nil {
			return m[1], m[2], nil // "全南大学校工科大学"
		}
	}
	if !unitConnector(name) || !hasUnitOpener(name) {
		return name, "", nil // no "Faculty of", "School for", "Escuela de"…
	}
	openers := unitOpenerRe.FindAllStringIndex(name, -1)
	for _, loc := range openers {
		head, tail := strings.TrimSpace(name[:loc[0]]), strings.TrimSpace(name[loc[0]:])
		head, ms := splitMarkers(head) // "Chiangmai University * Faculty of Dentistry"
		if c.lx.IsInstitution(head) && !c.lx.IsInstitution(tail) && (c.endsAsInstitution(head) || strings.HasSuffix(head, ")") || endsWithSubject(head) || isUniversityOfPlace(head)) {
			return head, tail, ms
		}
	}
	for _, loc := range openers {
		head, tail := strings.TrimSpace(name[:loc[0]]), strings.TrimSpace(name[loc[0]:])
		if !c.lx.IsInstitution(head) || c.lx.IsInstitution(tail) {
			continue
		}
		if c.endsAsInstitution(head) || strings.HasSuffix(head, ")") || endsWithSubject(head) {
			return head, tail, nil
		}
	}
	return name, "", nil
}
