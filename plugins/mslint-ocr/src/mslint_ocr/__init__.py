"""mslint-ocr: reads text burnt into image pixels and reports it (MS302)."""
