import Assistmed
import SwiftUI

/// « Base légale »: the texts and sources the result rests on. Addresses are selectable text,
/// not links: the app opens nothing on the network.
struct LegalBasisScreen: View {
    let legal: VueBaseLegale

    var body: some View {
        List {
            Section { Text(legal.intro).font(.footnote) }
            ForEach(Array(legal.references.enumerated()), id: \.offset) { _, reference in
                VStack(alignment: .leading, spacing: 4) {
                    Text(reference.title).font(.headline).accessibilityAddTraits(.isHeader)
                    if let article = reference.article { Text(article).font(.callout) }
                    Text(reference.source).font(.footnote)
                    Text(reference.url).font(.footnote).textSelection(.enabled)
                }
            }
        }
    }
}
