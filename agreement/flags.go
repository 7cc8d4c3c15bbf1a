package agreement

// Stable flag names the list's own legend maps markers to. A marker whose
// meaning the document does not give is kept as "marker:<symbol>".
const (
	FlagFeeWaiver    = "fee_waiver"
	FlagDoubleDegree = "double_degree"
	FlagOutboundOnly = "outbound_only"
	FlagInboundOnly  = "inbound_only"
	FlagAutoRenewal  = "auto_renewal"
	FlagPending      = "pending"
)
