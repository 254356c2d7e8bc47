/// "Natural" string order, as the `natord` algorithm (strnatcmp) that ruff's isort sorts with:
/// runs of ASCII digits compare by value (`a2` < `a10`), everything else by Unicode scalar.
///
/// A digit run starting with `0` compares digit by digit, as a fraction (`a01` < `a1`... ties go
/// to the shorter run); other runs compare by length first, then by the first differing digit.
public enum NaturalOrder {
    /// -1, 0 or 1 as `lhs` sorts before, equal to, or after `rhs`.
    public static func compare(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.unicodeScalars), b = Array(rhs.unicodeScalars)
        var i = 0, j = 0
        while true {
            guard i < a.count else { return j < b.count ? -1 : 0 }
            guard j < b.count else { return 1 }
            let x = a[i], y = b[j]
            if isDigit(x), isDigit(y) {
                let result: Int
                if x == "0" || y == "0" {
                    result = compareLeft(a, &i, b, &j)
                } else {
                    result = compareRight(a, &i, b, &j)
                }
                if result != 0 { return result }
                continue
            }
            if x != y { return x.value < y.value ? -1 : 1 }
            i += 1
            j += 1
        }
    }

    /// True when `lhs` sorts strictly before `rhs`.
    public static func less(_ lhs: String, _ rhs: String) -> Bool { compare(lhs, rhs) < 0 }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Runs without a leading zero: the longer run is greater; equal lengths compare by the first difference.
    private static func compareRight(_ a: [Unicode.Scalar], _ i: inout Int, _ b: [Unicode.Scalar], _ j: inout Int) -> Int {
        var bias = 0
        while true {
            let l = i < a.count ? a[i] : nil, r = j < b.count ? b[j] : nil
            let ld = l.map(isDigit) ?? false, rd = r.map(isDigit) ?? false
            if !ld && !rd { return bias }
            if !ld { return -1 }
            if !rd { return 1 }
            if bias == 0, l! != r! { bias = l!.value < r!.value ? -1 : 1 }
            i += 1
            j += 1
        }
    }

    /// Runs with a leading zero: digit by digit; the first difference wins, then the shorter run.
    private static func compareLeft(_ a: [Unicode.Scalar], _ i: inout Int, _ b: [Unicode.Scalar], _ j: inout Int) -> Int {
        while true {
            let l = i < a.count ? a[i] : nil, r = j < b.count ? b[j] : nil
            let ld = l.map(isDigit) ?? false, rd = r.map(isDigit) ?? false
            if !ld && !rd { return 0 }
            if !ld { return -1 }
            if !rd { return 1 }
            if l! != r! { return l!.value < r!.value ? -1 : 1 }
            i += 1
            j += 1
        }
    }
}
