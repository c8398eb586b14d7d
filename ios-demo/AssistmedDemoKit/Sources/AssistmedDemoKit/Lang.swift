import Assistmed
import Foundation

/// Language of the texts that come from the core (each has a French and an English form).
/// French first: English only when the app runs in English, as iOS picks `en.lproj` only then.
public enum Lang: Equatable, Sendable {
    case fr
    case en

    public static func of(_ locale: Locale) -> Lang {
        locale.identifier.hasPrefix("en") ? .en : .fr
    }

    /// The language the app's own strings were chosen in (fr is the development language).
    public static var app: Lang {
        Bundle.main.preferredLocalizations.first == "en" ? .en : .fr
    }

    /// The French or the English form of a core text.
    public func pick<T>(_ fr: T, _ en: T) -> T {
        self == .en ? en : fr
    }

    /// The core's `Language`, for `AssistmedError.messageIn(language:)`.
    public var core: Language {
        self == .en ? .en : .fr
    }
}

public extension Question {
    func label(_ lang: Lang) -> String { lang.pick(labelFr, labelEn) }
    func help(_ lang: Lang) -> String { lang.pick(helpFr, helpEn) }

    /// Label of the current answer of a choice or yes/no question (its code otherwise).
    func answerLabel(_ lang: Lang) -> String? {
        guard let answer else { return nil }
        return choices.first { $0.value == answer }?.label(lang) ?? answer
    }
}

public extension Choice {
    func label(_ lang: Lang) -> String { lang.pick(labelFr, labelEn) }
}

public extension ValidationMessage {
    func text(_ lang: Lang) -> String { lang.pick(messageFr, messageEn) }
}

public extension BundleWarning {
    func text(_ lang: Lang) -> String { lang.pick(messageFr, messageEn) }
}
