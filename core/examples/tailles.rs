use assistmed_core::*;
fn main() {
    use std::mem::size_of;
    println!("Evaluation {}", size_of::<Evaluation>());
    println!("OptionResultat {}", size_of::<assessment::OptionResultat>());
    println!("Objectif {}", size_of::<objectives::Objectif>());
    println!("Raison {}", size_of::<explain::Raison>());
    println!("Avertissement {}", size_of::<explain::Avertissement>());
    println!("AnneeContrat {}", size_of::<timeline::AnneeContrat>());
    println!("Citations {}", size_of::<rules::citations::Citations>());
    println!("Message {}", size_of::<message::Message>());
    println!("Motif {}", size_of::<explain::Motif>());
    println!(
        "MessageObjectif {}",
        size_of::<objectives::MessageObjectif>()
    );
    println!(
        "MessageAvertissement {}",
        size_of::<assessment::MessageAvertissement>()
    );
    println!("Erreur {}", size_of::<Erreur>());
    println!("Echeancier {}", size_of::<timeline::Echeancier>());
    println!("Texte {}", size_of::<texte::Texte>());
    println!("Situation {}", size_of::<Situation>());
    println!(
        "VersionAppliquee {}",
        size_of::<assessment::VersionAppliquee>()
    );
}
