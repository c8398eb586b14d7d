import Assistmed
import AssistmedDemoKit
import SwiftUI

/// "Base légale": the texts and sources the result rests on (id, title, article, date, kind,
/// address). Addresses are selectable text, not links: the app opens nothing on the network.
struct LegalBasisScreen: View {
    let references: [Reference]

    var body: some View {
        List {
            Section {
                Text(L("legal.intro")).font(.callout)
            }
            ForEach(references, id: \.id) { reference in
                VStack(alignment: .leading, spacing: 4) {
                    Text(verbatim: reference.id + " — " + reference.title).font(.headline)
                    if let article = reference.article {
                        Text(L("legal.article", article)).font(.callout)
                    }
                    Text(L("legal.dateKind", reference.date, reference.kind)).font(.footnote)
                    Text(reference.url).font(.footnote).textSelection(.enabled)
                }
            }
        }
        .navigationTitle(L("screen.legalBasis"))
    }
}
