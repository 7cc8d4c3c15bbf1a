package normalize

import (
	"fmt"
	"os"
	"testing"

	"github.com/agreements/agreements/parser/pdf"
)

func TestZZScratch(t *testing.T) {
	path := os.Getenv("ZZPDF")
	b, _ := os.ReadFile(path)
	doc, err := pdf.Parse(path, b, pdf.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Normalize(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Unplaced {
		fmt.Printf("%+v\n", u)
	}
	for _, r := range res.Records {
		if r.CountryCode == "CA" {
			fmt.Println(r.Partner, "|", r.PartnerUnit, "|", r.Signed, r.Repairs)
		}
	}
}
