package ingest

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

func encodeWith(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test text: %v", err)
	}
	return b
}

func TestDecodeText(t *testing.T) {
	ru := "Российская армия заявила в четверг, что снова взяла город Купянск в Харьковской области."
	uk := "Сили оборони України відбили атаку біля Куп’янська, повідомив Генштаб у четвер."
	ruShort := "Купянск освобождён"
	fr := "L'armée russe a affirmé jeudi avoir repris la ville de Koupiansk, déclarée « libérée »."
	de := "Die russische Armee meldete am Donnerstag die Einnahme von Kupjansk – „befreit“, sagte Gerassimow."
	utf16le := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM)
	utf16be := xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM)
	tests := []struct {
		name     string
		data     []byte
		want     string
		enc      string
		warnCode string
	}{
		{"utf-8", []byte(ru), ru, EncUTF8, ""},
		{"utf-8 with BOM", append([]byte("\xef\xbb\xbf"), ru...), ru, EncUTF8, ""},
		{"utf-16le BOM", encodeWith(t, utf16le, uk), uk, EncUTF16LE, ""},
		{"utf-16be BOM", encodeWith(t, utf16be, fr), fr, EncUTF16BE, ""},
		{"utf-16le no BOM", encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "Kupiansk was captured, Moscow said."), "Kupiansk was captured, Moscow said.", EncUTF16LE, "charset_guess"},
		{"windows-1251 russian", encodeWith(t, charmap.Windows1251, ru), ru, EncWindows1251, "charset_guess"},
		{"koi8-r russian", encodeWith(t, charmap.KOI8R, ru), ru, EncKOI8R, "charset_guess"},
		{"windows-1251 short", encodeWith(t, charmap.Windows1251, ruShort), ruShort, EncWindows1251, "charset_guess"},
		{"koi8-r short", encodeWith(t, charmap.KOI8R, ruShort), ruShort, EncKOI8R, "charset_guess"},
		{"windows-1251 ukrainian", encodeWith(t, charmap.Windows1251, strings.ReplaceAll(uk, "’", "'")), strings.ReplaceAll(uk, "’", "'"), EncWindows1251, "charset_guess"},
		{"latin-1 french", encodeWith(t, charmap.ISO8859_1, fr), fr, EncLatin1, "charset_guess"},
		{"windows-1252 german", encodeWith(t, charmap.Windows1252, de), de, EncWindows1252, "charset_guess"},
		{"damaged utf-8", append([]byte(ru), 0xff), ru + "\uFFFD", EncUTF8, "charset_repaired"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Decode(tt.data)
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if d.Text != tt.want || d.Encoding != tt.enc {
				t.Errorf("Decode = %q (%s), want %q (%s)", d.Text, d.Encoding, tt.want, tt.enc)
			}
			code := ""
			if len(d.Warnings) > 0 {
				code = d.Warnings[0].Code
			}
			if code != tt.warnCode {
				t.Errorf("warning = %q, want %q (%v)", code, tt.warnCode, d.Warnings)
			}
			text, enc, err := DecodeText(tt.data)
			if err != nil || text != tt.want || enc != tt.enc {
				t.Errorf("DecodeText = %q, %q, %v", text, enc, err)
			}
		})
	}
}

func TestDecodeTextRejects(t *testing.T) {
	for name, data := range map[string][]byte{
		"png header":  []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"),
		"controls":    []byte("\x01\x02\x03\x04\x05\x06\x07\x08abc"),
		"nul in utf8": []byte("hello\x00world"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, _, err := DecodeText(data); !errors.Is(err, ErrNotText) {
				t.Errorf("DecodeText(%q) error = %v, want ErrNotText", data, err)
			}
		})
	}
}
