package normalize

// ConsumingAll is opt consuming the document with every table's rows let
// go once read, however short the table: for tests of that reading.
func ConsumingAll(opt Options) Options {
	opt.Consume, opt.consumeFrom = true, 1
	return opt
}
