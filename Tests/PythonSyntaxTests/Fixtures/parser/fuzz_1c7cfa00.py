f"{x:%H:%M}"
f"{x:%H:%M}"
f"""{"""atry: pasdecs.charmap_encode(input,self.errors,encoding_table)[0]

class IncrementalDecoder(codecs.IncrementalDecoder):
    def decode(self, inputx = (
    f"a"
    f", final=False):
        return codecs.charmap_decode(input,self.errors,decoding_table)[0]

class StreamWriter(Codec,codecs.StreamWriter):
    pass

class StreamReader(Codec,codecs.StreamReader):
    pass

### encodings module API

def getregentry():
    return codecs.CodecInfo(
        name='iso8859-8',
        encode=Codec().encode,
        decode=Codec().decode,
        s
finally: pooooooooooooooooooooooooooooooooooooooooooass""{"""atry: pass
finally: pooooooooooooooooooooooVARIATION SELECTOR-197ooooooooooooooooooooass
"""}""Str"
