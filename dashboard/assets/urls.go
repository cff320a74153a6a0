package assets

// Prefix returns "/assets/<hash>/", the URL prefix of every asset, with
// the trailing slash go-echarts' SetAssetsHost needs (it simply joins host
// and file name).
func Prefix() string { return BasePath + index().hash + "/" }

// URL returns the URL of an asset by its name under the prefix, e.g.
// URL("echarts.min.js") or URL("static/app.css"). It does not check that
// the asset exists; Has does.
func URL(name string) string { return Prefix() + name }

// Has reports whether name is an embedded asset.
func Has(name string) bool { return index().files[name] != nil }
