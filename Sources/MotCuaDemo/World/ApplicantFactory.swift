import MotCuaCore

/// Fictitious applicants from the pools of applicants.json.
struct ApplicantFactory: Sendable {
    let pools: PeoplePools

    func make(_ kind: ApplicantKind, rng: inout DemoRandom) throws -> Applicant {
        let person: Bool
        switch kind {
        case .person: person = true
        case .organisation: person = false
        case .both: person = rng.chance(0.6)
        }
        let place = rng.pick(pools.places)
        let address = "\(rng.pick(place.communes)), \(place.district), tỉnh Đắk Nông"
        let phone = rng.pick(pools.phonePrefixes) + digits(7, rng: &rng)
        if person {
            let female = rng.chance(0.5)
            let name = [rng.pick(pools.familyNames),
                        rng.pick(female ? pools.femaleMiddleNames : pools.maleMiddleNames),
                        rng.pick(female ? pools.femaleGivenNames : pools.maleGivenNames)].joined(separator: " ")
            // Citizen identity number: province 067 (Đắk Nông), century-and-sex digit, birth year, serial.
            let year = rng.int(1955...2002)
            let centuryDigit = (year >= 2000 ? 2 : 0) + (female ? 1 : 0)
            let id = "067\(centuryDigit)\(year % 100 < 10 ? "0" : "")\(year % 100)" + digits(6, rng: &rng)
            return try Applicant(kind: .person, name: name, idNumber: id, phone: phone, address: address)
        }
        let name = "\(rng.pick(pools.organisationKinds)) \(rng.pick(pools.organisationWords))"
        let taxCode = "64" + digits(8, rng: &rng)
        return try Applicant(kind: .organisation, name: name, idNumber: taxCode, phone: phone,
                             email: "doanhnghiep\(rng.int(10...999))@motcua-demo.example", address: address)
    }

    private func digits(_ n: Int, rng: inout DemoRandom) -> String {
        var s = ""
        for _ in 0..<n { s.append(Character(String(rng.below(10)))) }
        return s
    }
}
