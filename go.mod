module github.com/agreements/agreements

go 1.26.0

require (
	github.com/pdfcpu/pdfcpu v0.15.0
	golang.org/x/text v0.43.0
)

require (
	github.com/hhrutter/tiff v1.0.6 // indirect
	golang.org/x/crypto v0.55.0 // indirect
	golang.org/x/image v0.44.0 // indirect
)

require (
	github.com/PuerkitoBio/goquery v1.13.0
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/biter777/countries v1.7.5
	github.com/ledongthuc/pdf v0.0.0-20260907135840-6c8c28e0e8a0
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/net v0.58.0
)
