<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it_IT">
<context>
    <name>AnalysisDock</name>
    <message>
        <location filename="../app/analysis/analysisdock.cpp" line="+43"/>
        <location line="+8"/>
        <source>Cannot read the result file %1.</source>
        <translation>Impossibile leggere il file dei risultati %1.</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+9"/>
        <location line="+3"/>
        <source>Cannot write %1: %2.</source>
        <translation>Impossibile scrivere %1: %2.</translation>
    </message>
</context>
<context>
    <name>AnalyzeCommand</name>
    <message>
        <location filename="../app/cli/commands/bundles/analyzecommand.cpp" line="+34"/>
        <source>Analyse a slide with a model bundle: tissue, features, attention classifier and Grad-CAM.</source>
        <translation>Analizza un vetrino con un pacchetto del modello: tessuto, caratteristiche, classificatore basato sull&apos;attenzione e Grad-CAM.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs a model bundle on a slide: detects the tissue, extracts the grid of patch features (or reuses the cached grid of an earlier run with the same settings), runs the attention-based classifier and Grad-CAM, and prints the prediction. With --out the result is written in the format of &apos;classify&apos; (logits, probabilities, attention maps, Grad-CAM, tissue, valid cells, grid origin and cell size, JSON metadata). Bundles with random weights are untrained and labelled so. Ctrl-C cancels and writes nothing.</source>
        <translation>Esegue un pacchetto del modello su un vetrino: rileva il tessuto, estrae la griglia delle caratteristiche delle patch (oppure riusa la griglia nella cache di un&apos;esecuzione precedente con le stesse impostazioni), esegue il classificatore basato sull&apos;attenzione e Grad-CAM e stampa la previsione. Con --out il risultato viene scritto nel formato di &apos;classify&apos; (logit, probabilità, mappe di attenzione, Grad-CAM, tessuto, celle valide, origine della griglia e dimensione delle celle, metadati JSON). I pacchetti con pesi casuali non sono addestrati e sono etichettati come tali. Ctrl-C annulla e non scrive nulla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The slide to analyse.</source>
        <translation>Il vetrino da analizzare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model bundle: its folder, its model.json or a .zip.</source>
        <translation>Il pacchetto del modello: la sua cartella, il suo model.json oppure un .zip.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the result to this file.</source>
        <translation>Scrive il risultato in questo file.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The slide&apos;s µm/px, for slides that record none (or to override theirs).</source>
        <translation>I µm/px del vetrino, per i vetrini che non li registrano (o per sostituire i loro).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The grid&apos;s µm/px (default: the bundle&apos;s).</source>
        <translation>I µm/px della griglia (predefiniti: quelli del pacchetto).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extract and attend to the cells with tissue only (also when the bundle says so).</source>
        <translation>Estrae e include nell&apos;attenzione solo le celle con tessuto (avviene anche quando lo prevede il pacchetto).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The class Grad-CAM explains: its index or its name in the bundle (default: the bundle&apos;s gradcam_class, else the predicted one).</source>
        <translation>La classe spiegata da Grad-CAM: il suo indice o il suo nome nel bundle (predefinita: la gradcam_class del bundle, altrimenti quella predetta).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every core but one, which the tile readers keep</source>
        <translation>tutti i core tranne uno, che resta ai lettori dei riquadri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The grid cache folder.</source>
        <translation>La cartella della cache delle griglie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--model is required.</source>
        <translation>--model è obbligatorio.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>--class must name one of the bundle&apos;s classes (%1) or give an index from 0 to %2.</source>
        <translation>--class deve nominare una delle classi del bundle (%1) o dare un indice da 0 a %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Detecting tissue</source>
        <translation>Rilevamento del tessuto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Extracting features</source>
        <translation>Estrazione delle caratteristiche</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classifying</source>
        <translation>Classificazione</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interrupted: the analysis was cancelled and no result was written.</source>
        <translation>Interrotto: l&apos;analisi è stata annullata e non è stato scritto alcun risultato.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass it with --slide-mpp, for example --slide-mpp 0.25.</source>
        <translation>Indicare il valore con --slide-mpp, per esempio --slide-mpp 0.25.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>UNTRAINED: the bundle &quot;%1&quot; has random weights; the prediction and the maps mean nothing.
</source>
        <translation>NON ADDESTRATO: il pacchetto &quot;%1&quot; ha pesi casuali; la previsione e le mappe non hanno alcun significato.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The features come from a seeded, untrained extractor; the classifier was trained on them.
</source>
        <translation>Le caratteristiche provengono da un estrattore non addestrato, inizializzato con un seme; il classificatore è stato addestrato su di esse.
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle:      %1 (%2)
</source>
        <translation>Pacchetto:       %1 (%2)
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid:        %1 x %2 cells of %3 x %4 level-0 px, slide %5 µm/px%6
</source>
        <translation>Griglia:         %1 x %2 celle di %3 x %4 px del livello 0, vetrino %5 µm/px%6
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (assumed)</source>
        <translation> (presunto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prediction:  %1
</source>
        <translation>Previsione:      %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prediction:  %1, probability %2
</source>
        <translation>Previsione:      %1, probabilità %2
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Grad-CAM:    class %1 on %2 (%3 sum)
</source>
        <translation>Grad-CAM:    classe %1 su %2 (somma %3)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>centred</source>
        <translation>centrata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raw</source>
        <translation>grezza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degenerate:  the Grad-CAM weights are at rounding level; the gradcam layer is noise and is not shown
</source>
        <translation>Degenere:    i pesi di Grad-CAM sono al livello dell&apos;arrotondamento; il livello gradcam è rumore e non viene mostrato
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features:    reused the cached grid (nothing was extracted)
</source>
        <translation>Caratteristiche: riutilizzata la griglia nella cache (non è stato estratto nulla)
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Features:    extracted in %1 s
</source>
        <translation>Caratteristiche: estratte in %1 s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote:       %1
</source>
        <translation>Scritto:         %1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:        %1 s
</source>
        <translation>Tempo:           %1 s
</translation>
    </message>
</context>
<context>
    <name>AnnotationIO</name>
    <message>
        <location filename="../viewer/annotations/annotationio.cpp" line="+22"/>
        <source>Annotations (*.xml *.geojson *.json);;ASAP XML (*.xml);;QuPath GeoJSON (*.geojson *.json)</source>
        <translation>Annotazioni (*.xml *.geojson *.json);;ASAP XML (*.xml);;QuPath GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>It is neither ASAP XML nor GeoJSON.</source>
        <translation>Non è né ASAP XML né GeoJSON.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open the annotation file %1: %2.</source>
        <translation>Impossibile aprire il file di annotazioni %1: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The annotation file %1 is %L2 MB; at most %L3 MB are read.</source>
        <translation>Il file di annotazioni %1 è di %L2 MB; se ne leggono al massimo %L3 MB.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the annotation file %1: %2.</source>
        <translation>Impossibile leggere il file di annotazioni %1: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the annotations in %1: %2</source>
        <translation>Impossibile leggere le annotazioni in %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the disk is full or the file may not grow</source>
        <translation>il disco è pieno o il file non può crescere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the annotation file %1: %2.</source>
        <translation>Impossibile scrivere il file di annotazioni %1: %2.</translation>
    </message>
</context>
<context>
    <name>AnnotationsCommand</name>
    <message>
        <location filename="../app/cli/commands/annotations/annotationscommand.cpp" line="+87"/>
        <source>Summarise an annotation file (ASAP XML, QuPath GeoJSON) or convert it to the other format.</source>
        <translation>Riassume un file di annotazioni (ASAP XML, QuPath GeoJSON) o lo converte nell&apos;altro formato.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads an annotation file, ASAP XML (Camelyon16) or QuPath GeoJSON, recognised by its content, and shows how many annotations each group and each geometry has, the number of vertices and the bounds in level-0 pixels. With --export the annotations are also written to OUT, as ASAP XML for .xml and as QuPath GeoJSON for .geojson or .json.</source>
        <translation>Legge un file di annotazioni, ASAP XML (Camelyon16) o QuPath GeoJSON, riconosciuto dal contenuto, e mostra quante annotazioni hanno ciascun gruppo e ciascuna geometria, il numero di vertici e i limiti in pixel del livello 0. Con --export le annotazioni vengono scritte anche in OUT, come ASAP XML per .xml e come QuPath GeoJSON per .geojson o .json.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The annotation file.</source>
        <translation>Il file di annotazioni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also write the annotations to OUT (.xml, .geojson or .json).</source>
        <translation>Scrive le annotazioni anche in OUT (.xml, .geojson o .json).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--export needs a file name ending in .xml, .geojson or .json, not &apos;%1&apos;.</source>
        <translation>--export richiede un nome di file che termini con .xml, .geojson o .json, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>File: %1 (%2)</source>
        <translation>File: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations: %1</source>
        <translation>Annotazioni: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vertices: %1</source>
        <translation>Vertici: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bounds (level-0 px): x %1 to %2, y %3 to %4</source>
        <translation>Limiti (px del livello 0): x da %1 a %2, y da %3 a %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Groups:</source>
        <translation>Gruppi:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(no group)</source>
        <translation>(nessun gruppo)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geometries:</source>
        <translation>Geometrie:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Types in the file: %1</source>
        <translation>Tipi nel file: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported to %1 (%2).</source>
        <translation>Esportato in %1 (%2).</translation>
    </message>
</context>
<context>
    <name>AsapXml</name>
    <message>
        <location filename="../viewer/annotations/asapxml.cpp" line="+72"/>
        <source>the file holds no XML element</source>
        <translation>il file non contiene alcun elemento XML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the root element is &lt;%1&gt;, not &lt;ASAP_Annotations&gt;</source>
        <translation>l&apos;elemento radice è &lt;%1&gt;, non &lt;ASAP_Annotations&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+119"/>
        <source>Line %1: %2.</source>
        <translation>Riga %1: %2.</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>the elements nest more than %1 deep</source>
        <translation>gli elementi sono annidati a più di %1 livelli</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>annotation &quot;%1&quot; has no Type</source>
        <translation>l&apos;annotazione &quot;%1&quot; non ha alcun Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>annotation &quot;%1&quot; has the unknown type &quot;%2&quot;</source>
        <translation>l&apos;annotazione &quot;%1&quot; ha il tipo sconosciuto &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>a Coordinate has no %1 value</source>
        <translation>una Coordinate non ha il valore %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the Coordinate&apos;s %1 value &quot;%2&quot; is not a number</source>
        <translation>il valore %1 &quot;%2&quot; di una Coordinate non è un numero</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file has more than %L1 coordinates</source>
        <translation>il file ha più di %L1 coordinate</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the Coordinate&apos;s Order &quot;%1&quot; is not a number</source>
        <translation>l&apos;Order &quot;%1&quot; di una Coordinate non è un numero</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>annotation &quot;%1&quot; has no coordinates</source>
        <translation>l&apos;annotazione &quot;%1&quot; non ha coordinate</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the Dot &quot;%1&quot; has %2 coordinates instead of one</source>
        <translation>il Dot &quot;%1&quot; ha %2 coordinate invece di una</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the line &quot;%1&quot; has fewer than 2 coordinates</source>
        <translation>la linea &quot;%1&quot; ha meno di 2 coordinate</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the polygon &quot;%1&quot; has fewer than 3 coordinates</source>
        <translation>il poligono &quot;%1&quot; ha meno di 3 coordinate</translation>
    </message>
</context>
<context>
    <name>BaselineBench</name>
    <message>
        <location filename="../app/cli/bench/baselinebench.cpp" line="+80"/>
        <source>OpenSlide cannot open the slide for the baseline.</source>
        <translation>OpenSlide non riesce ad aprire il vetrino per la misura di riferimento.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the slide failed: %1</source>
        <translation>Lettura del vetrino non riuscita: %1</translation>
    </message>
</context>
<context>
    <name>BundleCheckCommand</name>
    <message>
        <location filename="../app/cli/commands/bundles/bundlecommand.cpp" line="+28"/>
        <source>Model bundles (bundle check, bundle create).</source>
        <translation>Pacchetti del modello (bundle check, bundle create).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model bundles: a folder (or a .zip of one) with a model.json manifest and the weights of the feature extractor, the attention classifier and optionally LRAN.</source>
        <translation>Pacchetti del modello: una cartella (o un suo .zip) con un manifesto model.json e i pesi dell&apos;estrattore di caratteristiche, del classificatore basato sull&apos;attenzione e, facoltativamente, di LRAN.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read a model bundle, load its weights, check their shapes and show what it holds.</source>
        <translation>Legge un pacchetto del modello, ne carica i pesi, ne controlla le forme e mostra che cosa contiene.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads a model bundle (its folder, its model.json or a .zip of the folder), checks the manifest, loads every weights file and checks that each tensor has the shape the manifest implies, then prints the bundle&apos;s name, task, classes, whether it is trained, and its extractor, classifier and LRAN. A problem is reported as one sentence naming the field, or the file and tensor with both shapes.</source>
        <translation>Legge un pacchetto del modello (la sua cartella, il suo model.json o un .zip della cartella), controlla il manifesto, carica ogni file di pesi e verifica che ogni tensore abbia la forma prevista dal manifesto, quindi stampa nome, compito e classi del pacchetto, se è addestrato, e il suo estrattore, classificatore e LRAN. Un problema viene segnalato con una sola frase che nomina il campo, oppure il file e il tensore con entrambe le forme.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The bundle folder, model.json or .zip.</source>
        <translation>La cartella del pacchetto, model.json o .zip.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Weights:     every file loads and fits the manifest</source>
        <translation>Pesi:            ogni file si carica e corrisponde al manifesto</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Bundle:      %1 (%2)
</source>
        <translation>Pacchetto:       %1 (%2)
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task:        %1, classes: %2
</source>
        <translation>Compito:         %1, classi: %2
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained:     yes%1
</source>
        <translation>Addestrato:      sì%1
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, on %1</source>
        <translation>, su %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trained:     untrained: UNTRAINED weights, its output means nothing
</source>
        <translation>Addestrato:      no: pesi NON ADDESTRATI, il suo output non ha alcun significato
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Metric:      %1 = %2
</source>
        <translation>Metrica:         %1 = %2
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Extractor:   %1 at %2 µm/px, %3 px patches, weights %4
</source>
        <translation>Estrattore:      %1 a %2 µm/px, patch di %3 px, pesi %4
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classifier:  attention %1, H = %2, n = %3, %4, Grad-CAM on %5%6, weights %7
</source>
        <translation>Classificatore:  attenzione %1, H = %2, n = %3, %4, Grad-CAM su %5%6, pesi %7
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>, tissue cells only</source>
        <translation>, solo celle con tessuto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LRAN:        %1, classes: %2, at %3 µm/px, %4 px patches, weights %5
</source>
        <translation>LRAN:            %1, classi: %2, a %3 µm/px, patch di %4 px, pesi %5
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>LRAN:        none
</source>
        <translation>LRAN:            nessuna
</translation>
    </message>
</context>
<context>
    <name>BundleCreateCommand</name>
    <message>
        <location line="+5"/>
        <source>Write an untrained model bundle (random weights) for trying the pipeline out.</source>
        <translation>Scrive un pacchetto del modello non addestrato (pesi casuali) per provare la pipeline.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writes a model bundle whose networks have random weights: a model.json naming random:SEED weights, or, with --write-weights, randomly initialised weights files written in the formats trained weights use. The bundle is named and marked untrained, and everything made with it says so.</source>
        <translation>Scrive un pacchetto del modello le cui reti hanno pesi casuali: un model.json che indica pesi random:SEED oppure, con --write-weights, file di pesi inizializzati casualmente, scritti nei formati usati dai pesi addestrati. Il pacchetto viene denominato e contrassegnato come non addestrato, e tutto ciò che viene prodotto con esso lo indica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle folder to write (created if needed).</source>
        <translation>La cartella del pacchetto da scrivere (creata se necessario).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification or regression.</source>
        <translation>classification oppure regression.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Comma-separated class names (default negative,positive; score for regression).</source>
        <translation>Nomi delle classi separati da virgole (predefiniti: negative,positive; score per la regressione).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The random seed of the weights.</source>
        <translation>Il seme casuale dei pesi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extractor: resnet34 or resnet18.</source>
        <translation>L&apos;estrattore: resnet34 oppure resnet18.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention sets: max+min, max, min, avg or avg+max.</source>
        <translation>Insiemi di attenzione: max+min, max, min, avg oppure avg+max.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H, the classifier&apos;s attention maps per set.</source>
        <translation>H, le mappe di attenzione del classificatore per insieme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also give the bundle an LRAN patch classifier.</source>
        <translation>Aggiunge al pacchetto anche un classificatore di patch LRAN.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write randomly initialised weights files instead of random:SEED entries.</source>
        <translation>Scrive file di pesi inizializzati casualmente invece di voci random:SEED.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--arch must be resnet34 or resnet18.</source>
        <translation>--arch deve essere resnet34 oppure resnet18.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Wrote:       %1</source>
        <translation>Scritto:         %1</translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message>
        <location filename="../app/cli/commands/features/classifycommand.cpp" line="+26"/>
        <source>Classify a feature grid with the attention-based classifier; write logits, attention maps and Grad-CAM.</source>
        <translation>Classifica una griglia di caratteristiche con il classificatore basato sull&apos;attenzione; scrive logit, mappe di attenzione e Grad-CAM.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs the attention-based classifier (a 3D convolution, max- and min-pooled softmax attention maps, attention-weighted features and a linear layer) on a feature grid written by &apos;extract&apos;, and Grad-CAM for one class. RESULT is a file that Python&apos;s torch.load reads: logits, probabilities, attention_max and attention_min [H, rows, columns], gradcam [rows, columns], valid, tissue, origin, cell_size and a JSON metadata string. Random weights (random:SEED) are untrained and labelled so.</source>
        <translation>Esegue il classificatore basato sull&apos;attenzione (una convoluzione 3D, mappe di attenzione softmax con pooling massimo e minimo, caratteristiche pesate dall&apos;attenzione e uno strato lineare) su una griglia di caratteristiche scritta da &apos;extract&apos;, e Grad-CAM per una classe. RESULT è un file che torch.load di Python legge: logits, probabilities, attention_max e attention_min [H, righe, colonne], gradcam [righe, colonne], valid, tissue, origin, cell_size e una stringa di metadati JSON. I pesi casuali (random:SEED) non sono addestrati e sono etichettati come tali.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The feature grid file.</source>
        <translation>Il file della griglia di caratteristiche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The classifier&apos;s weights: a state dict (conv.weight, conv.bias, fc.weight, fc.bias) or random:SEED.</source>
        <translation>I pesi del classificatore: uno state dict (conv.weight, conv.bias, fc.weight, fc.bias) oppure random:SEED.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The result file to write.</source>
        <translation>Il file dei risultati da scrivere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention sets: max+min, max, min, avg or avg+max.</source>
        <translation>Insiemi di attenzione: max+min, max, min, avg oppure avg+max.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H, the 3D convolution&apos;s output channels.</source>
        <translation>H, i canali di uscita della convoluzione 3D.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>n, the 3D convolution&apos;s odd spatial size.</source>
        <translation>n, la dimensione spaziale (dispari) della convoluzione 3D.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>After the pooled features: relu, tanh or none.</source>
        <translation>Dopo le caratteristiche aggregate dal pooling: relu, tanh oppure none.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C, the classifier&apos;s outputs.</source>
        <translation>C, le uscite del classificatore.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The class Grad-CAM explains (default: the predicted one).</source>
        <translation>La classe spiegata da Grad-CAM (predefinita: quella prevista).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grad-CAM&apos;s target layer: grid (the feature grid G) or gprime (the 3D convolution&apos;s output, whose Grad-CAM weights vanish on this network).</source>
        <translation>Livello bersaglio di Grad-CAM: grid (la griglia di feature G) o gprime (l&apos;uscita della convoluzione 3D, i cui pesi Grad-CAM si annullano in questa rete).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Multiply the features by this before the classifier, as it was trained.</source>
        <translation>Moltiplica le feature per questo valore prima del classificatore, come nell&apos;addestramento.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grad-CAM&apos;s weighted sum: centred (each channel minus its mean over the valid cells) or raw.</source>
        <translation>Somma pesata di Grad-CAM: centred (ogni canale meno la sua media sulle celle valide) o raw (grezza).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The 3D convolution&apos;s padding, as the classifier was trained: zeros (the paper&apos;s) or centre (a missing neighbour takes the centre cell&apos;s features).</source>
        <translation>Il padding della convoluzione 3D, come nell&apos;addestramento del classificatore: zeros (quello dell&apos;articolo) o centre (un vicino mancante prende le feature della cella centrale).</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Grad-CAM:    class %1 on %2 (%3 sum), largest value %4, largest |weight| %5</source>
        <translation>Grad-CAM:    classe %1 su %2 (somma %3), valore massimo %4, |peso| massimo %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>centred</source>
        <translation>centrata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>raw</source>
        <translation>grezza</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Degenerate:  the Grad-CAM weights are at rounding level (on G&apos; they vanish: the per-channel softmax ignores constant shifts); --gradcam-target grid gives a usable map</source>
        <translation>Degenere:    i pesi di Grad-CAM sono al livello dell&apos;arrotondamento (su G&apos; si annullano: la softmax per canale ignora gli spostamenti costanti); --gradcam-target grid dà una mappa utilizzabile</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Degenerate:  the Grad-CAM weights are at rounding level; the map is noise</source>
        <translation>Degenere:    i pesi di Grad-CAM sono al livello dell&apos;arrotondamento; la mappa è rumore</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Leave cells without tissue out of the attention.</source>
        <translation>Esclude dall&apos;attenzione le celle senza tessuto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--classifier and --out are required.</source>
        <translation>--classifier e --out sono obbligatori.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--gradcam-sum is &quot;%1&quot;: use centred or raw.</source>
        <translation>--gradcam-sum è &quot;%1&quot;: usare centred o raw.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Grid:        %1 (%2 x %3 cells, K = %4; %5 cells in the attention)</source>
        <translation>Griglia:         %1 (%2 x %3 celle, K = %4; %5 celle nell&apos;attenzione)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Classifier:  %1</source>
        <translation>Classificatore:  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classifier:  %1: UNTRAINED, random weights; the prediction means nothing</source>
        <translation>Classificatore:  %1: NON ADDESTRATO, pesi casuali; la previsione non ha alcun significato</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, probability %1</source>
        <translation>, probabilità %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prediction:  class %1%2 (logits %3)</source>
        <translation>Previsione:      classe %1%2 (logit %3)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Wrote:       %1</source>
        <translation>Scritto:         %1</translation>
    </message>
</context>
<context>
    <name>Colormap</name>
    <message>
        <location filename="../viewer/layers/colormap.cpp" line="+64"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plasma</source>
        <translation>Plasma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Gray</source>
        <translation>Scala di grigi</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+30"/>
        <source>Show this help and exit.</source>
        <translation>Mostra questo aiuto ed esce.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The language of the messages, for example it or en (default: the system&apos;s).</source>
        <translation>La lingua dei messaggi, per esempio it o en (predefinita: quella del sistema).</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Missing argument: %1.</source>
        <translation>Argomento mancante: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unexpected argument &apos;%1&apos;.</source>
        <translation>Argomento inatteso &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Print JSON instead of text.</source>
        <translation>Stampa JSON invece del testo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1; 0: %2.</source>
        <translation>%1; 0: %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Torch threads</source>
        <translation>Thread di Torch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every core</source>
        <translation>tutti i core</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>auto (CUDA when available), cpu or cuda.</source>
        <translation>auto (CUDA se disponibile), cpu oppure cuda.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--device must be auto, cpu or cuda, not &apos;%1&apos;.</source>
        <translation>--device deve essere auto, cpu oppure cuda, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--%1 needs a whole number from %2 to %3, not &apos;%4&apos;.</source>
        <translation>--%1 richiede un numero intero da %2 a %3, non &apos;%4&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 needs a positive number, not &apos;%2&apos;.</source>
        <translation>--%1 richiede un numero positivo, non &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 Try &apos;%2 --help&apos;.</source>
        <translation>%1 Provare &apos;%2 --help&apos;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Usage: %1 [options]</source>
        <translation>Uso: %1 [opzioni]</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Arguments:</source>
        <translation>Argomenti:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(default: %1)</source>
        <translation>(predefinito: %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options:</source>
        <translation>Opzioni:</translation>
    </message>
</context>
<context>
    <name>CommandRegistry</name>
    <message>
        <location filename="../app/cli/commandregistry.cpp" line="+21"/>
        <source>No command given. Try &apos;%1 --help&apos;.</source>
        <translation>Nessun comando indicato. Provare &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown option &apos;%1&apos;. Try &apos;%2 --help&apos;.</source>
        <translation>Opzione sconosciuta &apos;%1&apos;. Provare &apos;%2 --help&apos;.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown command &apos;%1&apos;. Try &apos;%2 --help&apos;.</source>
        <translation>Comando sconosciuto &apos;%1&apos;. Provare &apos;%2 --help&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Usage: %1 COMMAND [options] [arguments]</source>
        <translation>Uso: %1 COMANDO [opzioni] [argomenti]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commands:</source>
        <translation>Comandi:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Run &apos;%1 COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Eseguire &apos;%1 COMANDO --help&apos; per le opzioni di un comando.</translation>
    </message>
</context>
<context>
    <name>CompareCommand</name>
    <message>
        <location filename="../app/cli/commands/agreement/comparecommand.cpp" line="+29"/>
        <source>undefined</source>
        <translation>non definito</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Measure how well a result file&apos;s map agrees with annotated regions (AUC, Dice, IoU, pointing game, FROC).</source>
        <translation>Misura quanto la mappa di un file di risultato concorda con le regioni annotate (AUC, Dice, IoU, pointing game, FROC).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The annotation file has no group &apos;%1&apos;; it has no groups at all.</source>
        <translation>Il file di annotazioni non ha il gruppo &apos;%1&apos;; non ha alcun gruppo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The annotation file has no group &apos;%1&apos;; its groups are: %2.</source>
        <translation>Il file di annotazioni non ha il gruppo &apos;%1&apos;; i suoi gruppi sono: %2.</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Map: %1 (channel %2) from %3</source>
        <translation>Mappa: %1 (canale %2) da %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations: %1 from %2 (%3)</source>
        <translation>Annotazioni: %1 da %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all</source>
        <translation>tutte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grid: %1 x %2 cells of %3 x %4 level-0 px</source>
        <translation>Griglia: %1 x %2 celle di %3 x %4 px del livello 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Truth cells (at least %1% annotated): %2 of %3 cells with a value</source>
        <translation>Celle positive di riferimento (annotate almeno al %1%): %2 di %3 celle con un valore</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell AUC: %1</source>
        <translation>AUC per cella: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At threshold %1: Dice %2, IoU %3 (TP %4, FP %5, FN %6, TN %7)</source>
        <translation>Alla soglia %1: Dice %2, IoU %3 (VP %4, FP %5, FN %6, VN %7)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pointing game: %1 (highest cell: row %2, column %3)</source>
        <translation>Pointing game: %1 (cella più alta: riga %2, colonna %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hit</source>
        <translation>centrato</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>miss</source>
        <translation>mancato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pointing game: undefined</source>
        <translation>Pointing game: non definito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FROC (%1 lesions, %2 detections):</source>
        <translation>FROC (%1 lesioni, %2 rilevamenti):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  sensitivity at %1 FP: %2</source>
        <translation>  sensibilità a %1 FP: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  FROC score: %1</source>
        <translation>  punteggio FROC: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note: %1</source>
        <translation>Nota: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rasterises annotated regions at the grid of a map in a result file (written by analyze or classify) and measures their agreement: cell AUC, Dice and IoU at a threshold, the pointing game (is the highest cell annotated) and the Camelyon16 FROC (sensitivity at 1/4, 1/2, 1, 2, 4 and 8 false positives, detections at the map&apos;s local maxima; on one slide 1/4 and 1/2 mean no false positive). KEY names the map: attention-max (default), attention-min, attention-avg, gradcam or tissue, optionally with a channel, e.g. attention-max:7; multi-channel maps use the channel mean by default.</source>
        <translation>Rasterizza le regioni annotate sulla griglia di una mappa di un file di risultato (scritto da analyze o classify) e ne misura la concordanza: AUC per cella, Dice e IoU a una soglia, il pointing game (se la cella più alta è annotata) e la FROC di Camelyon16 (sensibilità a 1/4, 1/2, 1, 2, 4 e 8 falsi positivi, con i rilevamenti nei massimi locali della mappa; su un solo vetrino 1/4 e 1/2 significano nessun falso positivo). KEY indica la mappa: attention-max (predefinita), attention-min, attention-avg, gradcam o tissue, facoltativamente con un canale, per es. attention-max:7; per le mappe a più canali si usa per impostazione predefinita la media dei canali.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The result file and optionally the map: RESULT.pt[:KEY].</source>
        <translation>Il file di risultato e, facoltativamente, la mappa: RESULT.pt[:KEY].</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The annotation file (ASAP XML or QuPath GeoJSON).</source>
        <translation>Il file di annotazioni (ASAP XML o QuPath GeoJSON).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this group&apos;s annotations (default: all).</source>
        <translation>Solo le annotazioni di questo gruppo (predefinito: tutte).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cells with a value at or above T are positive (default: halfway between the map&apos;s smallest and largest value).</source>
        <translation>Le celle con un valore pari o superiore a T sono positive (predefinito: a metà tra il valore minimo e il massimo della mappa).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A cell is truth when at least this fraction of it is annotated (default 0.5).</source>
        <translation>Una cella è positiva nel riferimento quando almeno questa sua frazione è annotata (predefinito 0.5).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Both --map and --annotations are needed.</source>
        <translation>Sono necessari sia --map sia --annotations.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--threshold needs a number, not &apos;%1&apos;.</source>
        <translation>--threshold richiede un numero, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--truth-fraction needs a number above 0 and at most 1, not &apos;%1&apos;.</source>
        <translation>--truth-fraction richiede un numero maggiore di 0 e al massimo 1, non &apos;%1&apos;.</translation>
    </message>
</context>
<context>
    <name>CoverageCommand</name>
    <message>
        <location filename="../app/cli/commands/agreement/coveragecommand.cpp" line="+22"/>
        <source>Report how much of a slide a reader saw and how many of the model&apos;s top regions they reviewed.</source>
        <translation>Riporta quanta parte di un vetrino è stata vista e quante delle regioni principali del modello sono state esaminate.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Coverage: %1 (%2 x %3 cells of %4 px, %5 s recorded)</source>
        <translation>Copertura: %1 (%2 x %3 celle di %4 px, %5 s registrati)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Seen at %1× or more for at least %2 s: %3 % of the slide</source>
        <translation>Visto a %1× o più per almeno %2 s: %3 % del vetrino</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Map: %1 (channel %2) from %3; top %4 % of its cells: %5 cells at or above %6</source>
        <translation>Mappa: %1 (canale %2) da %3; il %4 % più alto delle sue celle: %5 celle pari o superiori a %6</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 of the model&apos;s top region reviewed</source>
        <translation>%1 della regione principale del modello esaminata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of the model&apos;s top %2 regions reviewed</source>
        <translation>%1 delle %2 regioni principali del modello esaminate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  #%1 value %2 at (%3, %4): %5 of %6 cells seen, %7</source>
        <translation>  #%1 valore %2 in (%3, %4): %5 di %6 celle viste, %7</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>reviewed</source>
        <translation>esaminata</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not reviewed</source>
        <translation>non esaminata</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reads the review coverage the viewer keeps beside a slide&apos;s annotations (SLIDE.slidesight-coverage.json) and a map of a result file (written by analyze or classify), and reports the fraction of the slide seen at a magnification and which of the model&apos;s top regions were reviewed: the map&apos;s highest cells (--top-fraction), 8-connected into regions ranked by their highest value; a region is reviewed when half of its cells were seen. KEY names the map as for compare (default attention-max, channel mean).</source>
        <translation>Legge la copertura di revisione che il visualizzatore conserva accanto alle annotazioni di un vetrino (SLIDE.slidesight-coverage.json) e una mappa di un file di risultati (scritto da analyze o classify), e riporta la frazione del vetrino vista a un ingrandimento e quali delle regioni principali del modello sono state esaminate: le celle più alte della mappa (--top-fraction), unite in regioni 8-connesse ordinate per il loro valore più alto; una regione è esaminata quando metà delle sue celle è stata vista. KEY indica la mappa come per compare (predefinita attention-max, media dei canali).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The coverage file.</source>
        <translation>Il file di copertura.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result file and optionally the map: RESULT.pt[:KEY].</source>
        <translation>Il file di risultati e facoltativamente la mappa: RESULT.pt[:KEY].</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seen means seen at this magnification or more (default %1).</source>
        <translation>Visto significa visto a questo ingrandimento o superiore (predefinito %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>…for at least this many seconds (default %1).</source>
        <translation>…per almeno questi secondi (predefinito %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Regions ranked (default %1).</source>
        <translation>Regioni in classifica (predefinito %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The fraction of the map&apos;s cells that make up the regions (default %1).</source>
        <translation>La frazione delle celle della mappa che forma le regioni (predefinito %1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--map is needed.</source>
        <translation>Serve --map.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>--top-fraction must be above 0 and at most 1.</source>
        <translation>--top-fraction deve essere maggiore di 0 e al massimo 1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The map does not lie on the slide of this coverage record (%1 x %2 px): is it a map of another slide?</source>
        <translation>La mappa non giace sul vetrino di questa registrazione della copertura (%1 x %2 px): è la mappa di un altro vetrino?</translation>
    </message>
</context>
<context>
    <name>CoverageFile</name>
    <message>
        <location filename="../viewer/coverage/coveragefile.cpp" line="+68"/>
        <source>it is not a JSON object (%1)</source>
        <translation>non è un oggetto JSON (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is not a SlideSight coverage file</source>
        <translation>non è un file di copertura di SlideSight</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has version %1; this SlideSight reads version %2</source>
        <translation>ha la versione %1; questo SlideSight legge la versione %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>its slide size or cell size is missing or not positive</source>
        <translation>la dimensione del vetrino o delle celle manca o non è positiva</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its grid of %1 x %2 cells exceeds %3 cells a side</source>
        <translation>la sua griglia di %1 x %2 celle supera %3 celle per lato</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its rows and columns do not follow from the slide size and the cell size</source>
        <translation>le sue righe e colonne non derivano dalla dimensione del vetrino e delle celle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it has %1 magnification bands, not %2</source>
        <translation>ha %1 fasce di ingrandimento, non %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its magnification bands are not those of this SlideSight</source>
        <translation>le sue fasce di ingrandimento non sono quelle di questo SlideSight</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a cell has %1 numbers, not %2</source>
        <translation>una cella ha %1 numeri, non %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a cell lies outside the grid</source>
        <translation>una cella è fuori dalla griglia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cell (%1, %2) is given twice</source>
        <translation>la cella (%1, %2) compare due volte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cell (%1, %2) has an impossible time</source>
        <translation>la cella (%1, %2) ha un tempo impossibile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>its recorded time is impossible</source>
        <translation>il suo tempo registrato è impossibile</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read the review coverage file %1: %2.</source>
        <translation>Impossibile leggere il file di copertura della revisione %1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it is larger than %1 MB</source>
        <translation>è più grande di %1 MB</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the disk is full or the file may not grow</source>
        <translation>il disco è pieno o il file non può crescere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the review coverage file %1: %2.</source>
        <translation>Impossibile scrivere il file di copertura della revisione %1: %2.</translation>
    </message>
</context>
<context>
    <name>CoverageLayer</name>
    <message>
        <location filename="../app/review/coveragelayer.cpp" line="+30"/>
        <source>Review coverage</source>
        <translation>Copertura della revisione</translation>
    </message>
</context>
<context>
    <name>DemoBuildCommand</name>
    <message>
        <location filename="../app/cli/demo/democommand.cpp" line="+20"/>
        <source>The offline teaching demo (demo build).</source>
        <translation>La demo didattica offline (demo build).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A demo with exact ground truth, trained here on mosaics of real tissue.</source>
        <translation>Una demo con verità di riferimento esatta, addestrata qui su mosaici di tessuto reale.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Build the demo: mosaics of real tissue, a trained classifier and LRAN, a held-out report.</source>
        <translation>Crea la demo: mosaici di tessuto reale, un classificatore e una LRAN addestrati, un resoconto sui dati di test.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Builds mosaic slides from pieces of two real slides of the test data (negative tissue from cmu-1-small-region.svs; in positive mosaics a region of tcga-cr-7395 tissue, written as ASAP XML), extracts their features with a seeded ResNet-34 (untrained, and labelled so), trains the attention classifier on the training mosaics and an LRAN on patches of both tissues, and measures them on held-out mosaics: slide AUC and the agreement of the max-attention and Grad-CAM maps with the region (cell AUC). `slidesight --demo` opens the result. DIR defaults to %1.</source>
        <translation>Crea vetrini a mosaico da porzioni di due vetrini reali dei dati di test (tessuto negativo da cmu-1-small-region.svs; nei mosaici positivi una regione di tessuto di tcga-cr-7395, scritta come ASAP XML), ne estrae le caratteristiche con una ResNet-34 inizializzata con un seme (non addestrata ed etichettata come tale), addestra il classificatore basato sull&apos;attenzione sui mosaici di addestramento e una LRAN sulle patch di entrambi i tessuti e li misura sui mosaici di test: AUC per vetrino e concordanza delle mappe di attenzione massima e Grad-CAM con la regione (AUC per cella). `slidesight --demo` apre il risultato. DIR è per impostazione predefinita %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where to build the demo.</source>
        <translation>Dove creare la demo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A folder holding the two source slides as slides/cmu-1-small-region.svs and slides/tcga-cr-7395-01a-01-ts1.svs (default: $SLIDESIGHT_TEST_DATA when it holds them, else the slides are fetched once from their public homes into %1, each checked against its SHA-256).</source>
        <translation>Una cartella con i due vetrini di origine come slides/cmu-1-small-region.svs e slides/tcga-cr-7395-01a-01-ts1.svs (predefinita: $SLIDESIGHT_TEST_DATA se li contiene, altrimenti i vetrini vengono scaricati una volta dalle loro sedi pubbliche in %1, ciascuno verificato con il suo SHA-256).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fetch the source slides from this mirror (URL/FILE-NAME) instead of their homes.</source>
        <translation>Scarica i vetrini di origine da questo mirror (URL/NOME-FILE) invece che dalle loro sedi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training mosaics (half positive).</source>
        <translation>Mosaici di addestramento (metà positivi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held-out mosaics (half positive).</source>
        <translation>Mosaici di test (metà positivi).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mosaic size in analysis cells, COLUMNSxROWS.</source>
        <translation>Dimensione dei mosaici in celle di analisi, COLONNExRIGHE.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classifier epochs.</source>
        <translation>Epoche del classificatore.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-validation folds.</source>
        <translation>Fold della validazione incrociata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random initialisations per fold.</source>
        <translation>Inizializzazioni casuali per fold.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LRAN epochs.</source>
        <translation>Epoche della LRAN.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LRAN patches per class.</source>
        <translation>Patch LRAN per classe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extractor weights: a ResNet-34 .pth, or random:SEED.</source>
        <translation>Pesi dell&apos;estrattore: un .pth di ResNet-34 oppure random:SEED.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the mosaics, folds and initialisations.</source>
        <translation>Seme dei mosaici, dei fold e delle inizializzazioni.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--cells must look like 10x8, each from 4 to 64.</source>
        <translation>--cells deve avere la forma 10x8, ciascun valore da 4 a 64.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--folds must be at most half the training mosaics, so that each fold holds both classes.</source>
        <translation>--folds deve essere al massimo la metà dei mosaici di addestramento, in modo che ogni fold contenga entrambe le classi.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Fetching the demo&apos;s source slides</source>
        <translation>Download dei vetrini di origine della demo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Interrupted: the slides fetched so far are kept; run the command again to go on.</source>
        <translation>Interrotto: i vetrini già scaricati sono conservati; eseguire di nuovo il comando per proseguire.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Interrupted: the demo was not finished; run the command again to rebuild it.</source>
        <translation>Interrotto: la demo non è stata completata; eseguire di nuovo il comando per ricrearla.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open it with: slidesight --demo %1</source>
        <translation>Aprirla con: slidesight --demo %1</translation>
    </message>
</context>
<context>
    <name>DemoBuilder</name>
    <message>
        <location filename="../app/cli/demo/demobuilder.cpp" line="+90"/>
        <location line="+55"/>
        <source>Cannot create &quot;%1&quot;.</source>
        <translation>Impossibile creare &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Cannot write &quot;%1&quot;.</source>
        <translation>Impossibile scrivere &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cancelled.</source>
        <translation>Annullato.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mosaics written</source>
        <translation>Mosaici scritti</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The demo needs &quot;%1&quot;, which is missing.</source>
        <translation>La demo richiede &quot;%1&quot;, che manca.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The demo needs at least 4 training and 2 test mosaics of at least 4 x 4 cells.</source>
        <translation>La demo richiede almeno 4 mosaici di addestramento e 2 di test di almeno 4 x 4 celle.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the source slides</source>
        <translation>Lettura dei vetrini di origine</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Writing the mosaics</source>
        <translation>Scrittura dei mosaici</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write the manifests in &quot;%1&quot;.</source>
        <translation>Impossibile scrivere i manifesti in &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Training the classifier: run %1/%2, epoch %3/%4</source>
        <translation>Addestramento del classificatore: esecuzione %1/%2, epoca %3/%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extracting features of the training mosaics (%1/%2)</source>
        <translation>Estrazione delle caratteristiche dei mosaici di addestramento (%1/%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing LRAN patches</source>
        <translation>Scrittura delle patch LRAN</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Training the LRAN: epoch %1/%2, batch %3/%4</source>
        <translation>Addestramento della LRAN: epoca %1/%2, batch %3/%4</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Evaluating on the held-out mosaics</source>
        <translation>Valutazione sui mosaici di test</translation>
    </message>
    <message>
        <location filename="../app/cli/demo/demoevaluation.cpp" line="+202"/>
        <source># SlideSight demo: report

Mosaics of real tissue (negative: CMU-1-Small-Region; region: TCGA-CR-7395). Extractor: %1. Held-out mosaics are new arrangements of the same two source slides.

</source>
        <translation># Demo di SlideSight: resoconto

Mosaici di tessuto reale (negativo: CMU-1-Small-Region; regione: TCGA-CR-7395). Estrattore: %1. I mosaici di test sono nuove disposizioni degli stessi due vetrini di origine.

</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <source>| measure | value | goal |
|---|---|---|
</source>
        <translation>| misura | valore | obiettivo |
|---|---|---|
</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>| slide AUC, %1 held-out mosaics | %2 | ≥ %3 |
</source>
        <translation>| AUC per vetrino, %1 mosaici di test | %2 | ≥ %3 |
</translation>
    </message>
    <message>
        <location filename="../app/cli/demo/demoagreement.h" line="+41"/>
        <source>max attention (channel mean)</source>
        <translation>attenzione massima (media dei canali)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>min attention (channel mean)</source>
        <translation>attenzione minima (media dei canali)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM on G (centred) of the region&apos;s class</source>
        <translation>Grad-CAM su G (centrata) della classe della regione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LRAN probability of the region&apos;s class</source>
        <translation>probabilità LRAN della classe della regione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LRAN class activation map on H</source>
        <translation>mappa di attivazione di classe LRAN su H</translation>
    </message>
    <message>
        <location filename="../app/cli/demo/demoevaluation.cpp" line="+1"/>
        <source>
Per map, against the region on the %1 positive held-out mosaics (cell AUC: a cell is truth when at least half of it lies in the region; pointing game: the map&apos;s highest cell touches the region). The viewer shows **%2** first.

</source>
        <translation>
Per mappa, rispetto alla regione sui %1 mosaici positivi tenuti da parte (AUC per cella: una cella è verità quando almeno metà di essa sta nella regione; pointing game: la cella più alta della mappa tocca la regione). Il visualizzatore mostra per prima **%2**.

</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>| map | cell AUC, mean | cell AUC, lowest | goal (lowest) | pointing game |
|---|---|---|---|---|
</source>
        <translation>| mappa | AUC per cella, media | AUC per cella, minima | obiettivo (minima) | pointing game |
|---|---|---|---|---|
</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>| classifier cross-validation AUC | %1 (%2) | |
</source>
        <translation>| AUC del classificatore in validazione incrociata | %1 (%2) | |
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>| LRAN held-out patch accuracy | %1 | |
</source>
        <translation>| accuratezza della LRAN sulle patch di test | %1 | |
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>| build time | %1 s | ≤ 600 s |
</source>
        <translation>| tempo di creazione | %1 s | ≤ 600 s |
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Goals missed: %1.</source>
        <translation>
Obiettivi mancati: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> The lowest cell AUC of the first map is on %1, whose region covers %2 cells.</source>
        <translation> L&apos;AUC per cella più bassa della prima mappa è su %1, la cui regione copre %2 celle.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> %1, whose region covers %2 cells, scores %3, at or below %4 of the %5 negative mosaics.</source>
        <translation> %1, la cui regione copre %2 celle, ha punteggio %3, pari o inferiore a %4 dei %5 mosaici negativi.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot write the report in &quot;%1&quot;.</source>
        <translation>Impossibile scrivere il resoconto in &quot;%1&quot;.</translation>
    </message>
</context>
<context>
    <name>DemoIndex</name>
    <message>
        <location filename="../app/demo/demoindex.cpp" line="+24"/>
        <source>There is no demo in &quot;%1&quot; (no demo.json); build it with: slidesight-cli demo build %1</source>
        <translation>Nessuna demo in &quot;%1&quot; (manca demo.json); crearla con: slidesight-cli demo build %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a demo index this version reads; rebuild the demo.</source>
        <translation>&quot;%1&quot; non è un indice di demo leggibile da questa versione; ricreare la demo.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The demo in &quot;%1&quot; is incomplete: &quot;%2&quot; is missing; rebuild it.</source>
        <translation>La demo in &quot;%1&quot; è incompleta: manca &quot;%2&quot;; ricrearla.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The demo in &quot;%1&quot; is incomplete (no slides or no bundle); rebuild it.</source>
        <translation>La demo in &quot;%1&quot; è incompleta (mancano i vetrini o il pacchetto); ricrearla.</translation>
    </message>
</context>
<context>
    <name>DemoSources</name>
    <message>
        <location filename="../app/cli/demo/demosources.cpp" line="+43"/>
        <source>Cannot create &quot;%1&quot;.</source>
        <translation>Impossibile creare &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The demo is made from two public slides, and %1 could not be fetched (%2). %3 Without a network, give --data with a folder holding %4 and %5.</source>
        <translation>La demo è costruita da due vetrini pubblici, e %1 non è stato scaricato (%2). %3 Senza rete, indicare con --data una cartella che contenga %4 e %5.</translation>
    </message>
</context>
<context>
    <name>DemoTissues</name>
    <message>
        <location filename="../app/cli/demo/demomosaic.cpp" line="+32"/>
        <source>&quot;%1&quot; records no µm/px; give one to assume.</source>
        <translation>&quot;%1&quot; non registra i µm/px; indicare un valore da presumere.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is larger than %2 x %2 px; a smaller slide is needed for the demo.</source>
        <translation>&quot;%1&quot; è più grande di %2 x %2 px; per la demo serve un vetrino più piccolo.</translation>
    </message>
    <message>
        <location line="+183"/>
        <source>Cannot write &quot;%1&quot;: %2</source>
        <translation>Impossibile scrivere &quot;%1&quot;: %2</translation>
    </message>
</context>
<context>
    <name>DoctorCommand</name>
    <message>
        <location filename="../app/cli/commands/machine/doctorcommand.cpp" line="+21"/>
        <source>Check this machine: versions, CPU threads, CUDA and GPUs, and a self-test of the extractor.</source>
        <translation>Controlla questa macchina: versioni, thread della CPU, CUDA e GPU, e un autotest dell&apos;estrattore.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reports what this machine and build offer SlideSight: the versions of Qt, OpenSlide, LibTorch and OpenCV, the CPU threads, whether CUDA is built in and usable with each GPU&apos;s name and memory, and a short self-test of the feature extractor (ResNet-34 with random weights on random 224 px patches) on each device: the batch sizes tried, the patches per second of each and the one chosen, and why. Each problem is one sentence; the exit status is 1 when there is one.</source>
        <translation>Riporta ciò che questa macchina e questa build offrono a SlideSight: le versioni di Qt, OpenSlide, LibTorch e OpenCV, i thread della CPU, se CUDA è incluso e utilizzabile con nome e memoria di ogni GPU, e un breve autotest dell&apos;estrattore di caratteristiche (ResNet-34 con pesi casuali su patch casuali di 224 px) su ogni dispositivo: le dimensioni di batch provate, le patch al secondo di ciascuna e quella scelta, con il motivo. Ogni problema è una frase; lo stato d&apos;uscita è 1 quando ce n&apos;è uno.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Skip the extractor&apos;s self-test.</source>
        <translation>Salta l&apos;autotest dell&apos;estrattore.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patches run for each batch size tried (default 32).</source>
        <translation>Patch eseguite per ogni dimensione di batch provata (predefinito 32).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Running the extractor&apos;s self-test…</source>
        <translation>Autotest dell&apos;estrattore in corso…</translation>
    </message>
</context>
<context>
    <name>EvaluateCommand</name>
    <message>
        <location filename="../app/cli/commands/training/evaluatecommand.cpp" line="+43"/>
        <source>Cannot read &quot;%1&quot;: give a run folder of &apos;train&apos; or its scores.json.</source>
        <translation>Impossibile leggere &quot;%1&quot;: indicare una cartella delle esecuzioni di &apos;train&apos; o il suo scores.json.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not the scores.json of a training run.</source>
        <translation>&quot;%1&quot; non è lo scores.json di un addestramento.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Measure a bundle&apos;s AUC or Spearman on a manifest, or compare two training runs (Wilcoxon).</source>
        <translation>Misura l&apos;AUC o la correlazione di Spearman di un pacchetto su un manifesto, oppure confronta due addestramenti (Wilcoxon).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --model and --manifest: runs the bundle&apos;s classifier on every manifest line (grid files, or slides extracted with the bundle&apos;s extractor through the grid cache) and reports the AUC (classification) or Spearman correlation (regression). With --compare RUN_A RUN_B: pairs the per-run metrics of two &apos;train&apos; run folders by fold and initialisation and gives the two-sided Wilcoxon signed-rank test: the metrics on the test manifest when both runs were trained with the same --test-manifest, else the held-out cross-validation metrics; the output says which.</source>
        <translation>Con --model e --manifest: esegue il classificatore del bundle su ogni riga del manifest (file di griglia, o vetrini estratti con l&apos;estrattore del bundle tramite la cache delle griglie) e riporta l&apos;AUC (classificazione) o la correlazione di Spearman (regressione). Con --compare RUN_A RUN_B: appaia le metriche per esecuzione di due cartelle di esecuzione di &apos;train&apos; per fold e inizializzazione e dà il test dei ranghi con segno di Wilcoxon a due code: le metriche sul manifest di test quando entrambe le esecuzioni sono state addestrate con lo stesso --test-manifest, altrimenti le metriche di validazione incrociata; l&apos;output dice quali.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With --compare: the two run folders (or scores.json files).</source>
        <translation>Con --compare: le due cartelle delle esecuzioni (o i file scores.json).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bundle.</source>
        <translation>Il pacchetto del modello.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The manifest CSV.</source>
        <translation>Il manifesto CSV.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare two training runs.</source>
        <translation>Confronta due addestramenti.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>µm/px of slides that record none.</source>
        <translation>µm/px dei vetrini che non li registrano.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The grid cache folder.</source>
        <translation>La cartella della cache delle griglie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--compare needs two run folders.</source>
        <translation>--compare richiede due cartelle delle esecuzioni.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give --model and --manifest, or --compare RUN_A RUN_B.</source>
        <translation>Indicare --model e --manifest, oppure --compare RUN_A RUN_B.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Evaluating</source>
        <translation>Valutazione</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interrupted: nothing was evaluated.</source>
        <translation>Interrotto: non è stato valutato nulla.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 on %2 slides: %3</source>
        <translation>%1 su %2 vetrini: %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>undefined (one class only)</source>
        <translation>non definita (una sola classe)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle is UNTRAINED: the figure means nothing.</source>
        <translation>Il pacchetto NON È ADDESTRATO: il valore non ha alcun significato.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The two runs cannot be paired: they measure %1 and %2 over %3 and %4 runs.</source>
        <translation>I due addestramenti non possono essere accoppiati: misurano %1 e %2 su %3 e %4 esecuzioni.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>test-manifest %1 (%2)</source>
        <translation>manifest di test %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>held-out cross-validation %1</source>
        <translation>validazione incrociata %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Run B has no fold %1, initialisation %2 to pair with run A.</source>
        <translation>L&apos;addestramento B non ha il fold %1, inizializzazione %2, da accoppiare con l&apos;addestramento A.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Paired scores: %1.</source>
        <translation>Punteggi appaiati: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(The test-manifest scores are not paired: only one run has them, or the two runs used different test manifests.)</source>
        <translation>(I punteggi del manifest di test non sono appaiati: solo un&apos;esecuzione li ha, oppure le due esecuzioni hanno usato manifest di test diversi.)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 over %2 paired runs: mean A %3, mean B %4</source>
        <translation>%1 su %2 esecuzioni accoppiate: media A %3, media B %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wilcoxon signed-rank: W = %1 (W+ %2, W- %3, %4 non-zero pairs), two-sided p = %5 (%6)</source>
        <translation>Test dei ranghi con segno di Wilcoxon: W = %1 (W+ %2, W- %3, %4 coppie non nulle), p a due code = %5 (%6)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>exact</source>
        <translation>esatto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>normal approximation</source>
        <translation>approssimazione normale</translation>
    </message>
</context>
<context>
    <name>ExtractCommand</name>
    <message>
        <location filename="../app/cli/commands/features/extractcommand.cpp" line="+19"/>
        <source>Extract a slide&apos;s grid of patch features (ResNet) into a file torch.load reads.</source>
        <translation>Estrae la griglia delle caratteristiche delle patch (ResNet) di un vetrino in un file che torch.load legge.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Detects the tissue, lays a grid of non-overlapping p x p patches at the target µm/px over the smallest box holding all tissue, runs every patch through a ResNet up to its global average pooling, and writes the grid: features [K, rows, columns], the tissue fraction of each cell, the grid&apos;s place on the slide and JSON metadata (slide identity, weights SHA-256, parameters). Grids are kept in a cache folder (SLIDESIGHT_CACHE_DIR, else ~/.cache/slidesight/grids), so extracting the same slide with the same settings again returns at once. Ctrl-C cancels and writes nothing.</source>
        <translation>Rileva il tessuto, dispone una griglia di patch p x p non sovrapposte, ai µm/px di destinazione, sul più piccolo rettangolo che contiene tutto il tessuto, passa ogni patch attraverso una ResNet fino al suo global average pooling e scrive la griglia: caratteristiche [K, righe, colonne], la frazione di tessuto di ogni cella, la posizione della griglia sul vetrino e metadati JSON (identità del vetrino, SHA-256 dei pesi, parametri). Le griglie vengono conservate in una cartella della cache (SLIDESIGHT_CACHE_DIR, altrimenti ~/.cache/slidesight/grids), quindi una nuova estrazione dello stesso vetrino con le stesse impostazioni termina subito. Ctrl-C annulla e non scrive nulla.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Extract with this bundle&apos;s extractor (its weights, architecture, µm/px and patch size, instead of --weights, --arch, --mpp and --patch), as &apos;analyze&apos; does: the grid is the one &apos;analyze&apos; and &apos;evaluate&apos; use and share through the cache.</source>
        <translation>Estrae con l&apos;estrattore di questo pacchetto (i suoi pesi, architettura, µm/px e dimensione delle patch, al posto di --weights, --arch, --mpp e --patch), come fa &apos;analyze&apos;: la griglia è quella che &apos;analyze&apos; ed &apos;evaluate&apos; usano e condividono tramite la cache.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also write the grid to this file.</source>
        <translation>Scrive la griglia anche in questo file.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neither reuse nor fill the grid cache (needs --out).</source>
        <translation>Non riusa né riempie la cache delle griglie (richiede --out).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The grid cache folder.</source>
        <translation>La cartella della cache delle griglie.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--no-cache needs --out: the grid has to go somewhere.</source>
        <translation>--no-cache richiede --out: la griglia deve essere scritta da qualche parte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Extracting features</source>
        <translation>Estrazione delle caratteristiche</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interrupted: the extraction was cancelled and no grid was written.</source>
        <translation>Interrotto: l&apos;estrazione è stata annullata e non è stata scritta alcuna griglia.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Grid: %1 rows x %2 columns, %3 features per cell, mean tissue fraction %4
</source>
        <translation>Griglia: %1 righe x %2 colonne, %3 caratteristiche per cella, frazione media di tessuto %4
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extractor: %1%2
</source>
        <translation>Estrattore: %1%2
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, weights SHA-256 %1</source>
        <translation>, SHA-256 dei pesi %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slide: %1 µm/px%2
</source>
        <translation>Vetrino: %1 µm/px%2
</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> (assumed)</source>
        <translation> (presunto)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reused the cached grid (nothing was extracted).
</source>
        <translation>Riutilizzata la griglia nella cache (non è stato estratto nulla).
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extracted %1 cells (%2 skipped) in %3 s: %4 patches/s on %5, batch %6, %7 Torch threads, %8 readers
</source>
        <translation>Celle estratte: %1 (saltate: %2) in %3 s: %4 patch/s su %5, batch %6, %7 thread Torch, %8 thread di lettura
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grid file: %1
</source>
        <translation>File della griglia: %1
</translation>
    </message>
</context>
<context>
    <name>ExtractionOptionSet</name>
    <message>
        <location filename="../app/cli/extractionoptions.cpp" line="+18"/>
        <source>The slide file (any format OpenSlide reads).</source>
        <translation>Il file del vetrino (qualsiasi formato letto da OpenSlide).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The extractor&apos;s weights: a torchvision state dict (.pth, e.g. from &apos;weights fetch&apos;), a TorchScript module, or random:SEED for seeded untrained weights (labelled untrained everywhere).</source>
        <translation>I pesi dell&apos;estrattore: uno state dict di torchvision (.pth, per es. da &apos;weights fetch&apos;), un modulo TorchScript oppure random:SEED per pesi non addestrati generati da un seme (etichettati ovunque come non addestrati).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> Required unless --model is given.</source>
        <translation> Obbligatorio, salvo quando si indica --model.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ResNet architecture: resnet34 or resnet18.</source>
        <translation>Architettura ResNet: resnet34 oppure resnet18.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resolution of the patches in µm/px (the paper&apos;s 2.0).</source>
        <translation>Risoluzione delle patch in µm/px (2.0 nell&apos;articolo).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patch side p in pixels at that resolution.</source>
        <translation>Lato p delle patch in pixel a quella risoluzione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The slide&apos;s level-0 µm/px, for slides that do not record it (recorded as assumed); overrides the slide&apos;s own value.</source>
        <translation>I µm/px del livello 0 del vetrino, per i vetrini che non li registrano (registrati come presunti); sostituisce il valore del vetrino stesso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the grid origin left by this many target pixels (translation augmentation).</source>
        <translation>Sposta l&apos;origine della griglia a sinistra di questo numero di pixel di destinazione (aumento dei dati per traslazione).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the grid origin up by this many target pixels.</source>
        <translation>Sposta l&apos;origine della griglia verso l&apos;alto di questo numero di pixel di destinazione.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Skip cells without tissue (their features are 0). By default every cell of the tissue bounding box is extracted, as in the paper.</source>
        <translation>Salta le celle senza tessuto (le loro caratteristiche valgono 0). Per impostazione predefinita viene estratta ogni cella del rettangolo che delimita il tessuto, come nell&apos;articolo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Patches per network batch; 0 picks the device&apos;s default.</source>
        <translation>Patch per batch della rete; 0 usa il valore predefinito del dispositivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every core but one, which the patch readers keep</source>
        <translation>tutti i core tranne uno, che resta ai lettori delle patch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Torch threads for the network on the CPU</source>
        <translation>Thread di Torch per la rete sulla CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patch-reading threads; 0 picks from the cores.</source>
        <translation>Thread di lettura delle patch; 0 li sceglie in base ai core.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--%1 cannot be given with --model: the bundle&apos;s extractor decides it.</source>
        <translation>--%1 non si può indicare con --model: lo decide l&apos;estrattore del pacchetto.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--weights is required: give a weights file, or random:SEED for untrained weights.</source>
        <translation>--weights è obbligatorio: indicare un file di pesi oppure random:SEED per pesi non addestrati.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--arch must be resnet34 or resnet18, not &apos;%1&apos;.</source>
        <translation>--arch deve essere resnet34 oppure resnet18, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--%1 needs a number of pixels, 0 or more, not &apos;%2&apos;.</source>
        <translation>--%1 richiede un numero di pixel, 0 o più, non &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pass it with --slide-mpp, for example --slide-mpp 0.25.</source>
        <translation>Indicare il valore con --slide-mpp, per esempio --slide-mpp 0.25.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>UNTRAINED: the extractor (%1) has random weights; its features carry no learned meaning.</source>
        <translation>NON ADDESTRATO: l&apos;estrattore (%1) ha pesi casuali; le sue caratteristiche non hanno alcun significato appreso.</translation>
    </message>
</context>
<context>
    <name>FeatureBenchCommand</name>
    <message>
        <location filename="../app/cli/bench/featurebenchcommand.cpp" line="+16"/>
        <source>Measure feature extraction end to end against the bare network (and a Python baseline).</source>
        <translation>Misura l&apos;estrazione delle caratteristiche end-to-end rispetto alla sola rete (e a un riferimento Python).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Runs the feature extraction of &apos;extract&apos; (tissue grid, reader threads, network) over the slide&apos;s grid cells, repeated until at least --patches patches, and, alternating with it, the bare network on as many random patches of the same batch size with the same threads; --rounds times. Reports patches/s of both and their ratio (1.0: reading and decoding cost nothing next to the network). With --python, also runs the same cells through a plain Python implementation (openslide-python, Pillow, torchvision ResNet with random weights, read then run, torch&apos;s default threads). Writes no file.</source>
        <translation>Esegue l&apos;estrazione delle caratteristiche di &apos;extract&apos; (griglia del tessuto, thread di lettura, rete) sulle celle della griglia del vetrino, ripetute fino ad almeno --patches patch e, alternata a essa, la sola rete su altrettante patch casuali con la stessa dimensione di batch e gli stessi thread; per --rounds volte. Riporta le patch/s di entrambe e il loro rapporto (1.0: lettura e decodifica non costano nulla rispetto alla rete). Con --python, elabora le stesse celle anche con una semplice implementazione Python (openslide-python, Pillow, ResNet di torchvision con pesi casuali, prima la lettura e poi la rete, thread predefiniti di torch). Non scrive alcun file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Patches per round at least (the grid is repeated).</source>
        <translation>Numero minimo di patch per turno (la griglia viene ripetuta).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rounds of pipeline then network.</source>
        <translation>Turni di misura (prima la pipeline, poi la rete).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also run the Python baseline (python3 with torch, torchvision and openslide-python).</source>
        <translation>Esegue anche il riferimento Python (python3 con torch, torchvision e openslide-python).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Torch threads for the Python baseline; 0 keeps torch&apos;s default.</source>
        <translation>Thread Torch per il riferimento Python; 0 mantiene il valore predefinito di torch.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Measuring</source>
        <translation>Misurazione</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interrupted: the benchmark was cancelled.</source>
        <translation>Interrotto: il benchmark è stato annullato.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Python baseline</source>
        <translation>Riferimento Python</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 on %2: grid %3 x %4 at %5 µm/px, p = %6, batch %7, %8 Torch threads, %9 readers
</source>
        <translation>%1 su %2: griglia %3 x %4 a %5 µm/px, p = %6, batch %7, %8 thread Torch, %9 thread di lettura
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>End to end:   %1 patches/s (%2 patches in %3 s)
</source>
        <translation>Pipeline completa: %1 patch/s (%2 patch in %3 s)
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Network only: %1 patches/s
</source>
        <translation>Solo rete:         %1 patch/s
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading only, one thread: OpenSlide %1 patches/s, direct reader %2 patches/s (%3 x%4)
</source>
        <translation>Sola lettura, un thread: OpenSlide %1 patch/s, lettore diretto %2 patch/s (%3 x%4)
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; this level is not read directly: both are OpenSlide</source>
        <translation>; questo livello non è letto direttamente: entrambi sono OpenSlide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio:        %1
</source>
        <translation>Rapporto:          %1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Python:       %1 patches/s (%2 Torch threads)
</source>
        <translation>Python:            %1 patch/s (%2 thread Torch)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vs Python:    %1x
</source>
        <translation>Rispetto a Python: %1x
</translation>
    </message>
</context>
<context>
    <name>GeoJson</name>
    <message>
        <location filename="../viewer/annotations/geojson.cpp" line="+69"/>
        <source>it is not a JSON object</source>
        <translation>non è un oggetto JSON</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>it has no geometry</source>
        <translation>non ha alcuna geometria</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Feature %1: %2.</source>
        <translation>Feature %1: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a position of the %1 is not an [x, y] pair</source>
        <translation>una posizione della geometria %1 non è una coppia [x, y]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a coordinate of the %1 is not a number</source>
        <translation>una coordinata della geometria %1 non è un numero</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file has more than %L1 positions</source>
        <translation>il file ha più di %L1 posizioni</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the %1&apos;s coordinates are not a list of positions</source>
        <translation>le coordinate della geometria %1 non sono un elenco di posizioni</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the %1 is empty</source>
        <translation>la geometria %1 è vuota</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a ring of the %1 has fewer than 3 vertices</source>
        <translation>un anello della geometria %1 ha meno di 3 vertici</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>its GeometryCollections nest more than %1 deep</source>
        <translation>le sue GeometryCollection sono annidate a più di %1 livelli</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the %1 has no coordinates</source>
        <translation>la geometria %1 non ha coordinate</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the LineString has fewer than 2 positions</source>
        <translation>la geometria LineString ha meno di 2 posizioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the MultiPoint is empty</source>
        <translation>la geometria MultiPoint è vuota</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the MultiLineString is empty</source>
        <translation>la geometria MultiLineString è vuota</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a line of the MultiLineString has fewer than 2 positions</source>
        <translation>una linea della geometria MultiLineString ha meno di 2 posizioni</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the MultiPolygon is empty</source>
        <translation>la geometria MultiPolygon è vuota</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its geometry has no type</source>
        <translation>la sua geometria non ha un tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the geometry type &quot;%1&quot; is unknown</source>
        <translation>il tipo di geometria &quot;%1&quot; è sconosciuto</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Line %1: %2.</source>
        <translation>Riga %1: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The FeatureCollection has no list of features.</source>
        <translation>La FeatureCollection non ha un elenco di feature.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file holds neither GeoJSON features nor a feature collection.</source>
        <translation>Il file non contiene né feature GeoJSON né una FeatureCollection.</translation>
    </message>
</context>
<context>
    <name>ImageIO</name>
    <message>
        <location filename="../app/shell/screenshots/imageio.cpp" line="+16"/>
        <source>There is no image to save.</source>
        <translation>Non c&apos;è nessuna immagine da salvare.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossibile scrivere &quot;%1&quot;: %2.</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/cli/commands/slides/infocommand.cpp" line="+15"/>
        <source>Show a slide&apos;s vendor, size, levels, µm/px, objective power and associated images.</source>
        <translation>Mostra produttore, dimensioni, livelli, µm/px, ingrandimento dell&apos;obiettivo e immagini associate di un vetrino.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shows what a slide file holds: vendor, dimensions, pyramid levels with their downsamples and tile sizes, micrometres per pixel and where that value comes from, objective power, background colour and associated images (label, macro, thumbnail). Reads any format OpenSlide reads.</source>
        <translation>Mostra il contenuto di un file di vetrino: produttore, dimensioni, livelli della piramide con i fattori di riduzione e le dimensioni dei riquadri, micrometri per pixel e provenienza di questo valore, ingrandimento dell&apos;obiettivo, colore di sfondo e immagini associate (etichetta, macro, miniatura). Legge qualsiasi formato letto da OpenSlide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The slide file.</source>
        <translation>Il file del vetrino.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also list every OpenSlide property.</source>
        <translation>Elenca anche tutte le proprietà OpenSlide.</translation>
    </message>
</context>
<context>
    <name>LargeBenchSlide</name>
    <message>
        <location filename="../app/cli/bench/largebenchslide.cpp" line="+42"/>
        <source>Cannot create the cache folder &quot;%1&quot;.</source>
        <translation>Impossibile creare la cartella della cache &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Building the %1 x %1 px benchmark slide</source>
        <translation>Creazione del vetrino di benchmark di %1 x %1 px</translation>
    </message>
</context>
<context>
    <name>LayerExport</name>
    <message>
        <location filename="../app/layers/layerexport.cpp" line="+55"/>
        <source>The layer has no values to export.</source>
        <translation>Il livello non ha valori da esportare.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>There is no slide to align the layer with.</source>
        <translation>Non c&apos;è nessun vetrino con cui allineare il livello.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The downsample of the exported image must be at least 1.</source>
        <translation>Il fattore di riduzione dell&apos;immagine esportata deve essere almeno 1.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Unknown export format.</source>
        <translation>Formato di esportazione sconosciuto.</translation>
    </message>
</context>
<context>
    <name>LranLayers</name>
    <message>
        <location filename="../app/analysis/lranlayers.cpp" line="+23"/>
        <source>probability</source>
        <translation>probabilità</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mask weight</source>
        <translation>peso della maschera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gate coefficient</source>
        <translation>coefficiente di gate</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 class probabilities</source>
        <translation>Probabilità delle classi di %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 global mask</source>
        <translation>Maschera globale di %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 attention gates</source>
        <translation>Gate di attenzione di %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 class activation map</source>
        <translation>%1 mappa di attivazione di classe</translation>
    </message>
</context>
<context>
    <name>LranRunCommand</name>
    <message>
        <location filename="../app/cli/commands/lran/lrancommand.cpp" line="+66"/>
        <source>Local residual attention network (lran run, lran train).</source>
        <translation>Rete di attenzione residua locale (lran run, lran train).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The local residual attention network of Subramanyam et al. (LRAN) and its ablation without gates (RAN): run on slides, trained on patches.</source>
        <translation>La rete di attenzione residua locale di Subramanyam et al. (LRAN) e la sua ablazione senza gate (RAN): eseguite sui vetrini, addestrate sulle patch.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run LRAN or RAN over a slide region; write probabilities, mask, gate and CAM maps.</source>
        <translation>Esegue LRAN o RAN su una regione del vetrino; scrive le mappe di probabilità, maschera, gate e CAM.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tiles a slide region (by default the bounding box of the detected tissue) into 256 x 256 patches at the patch µm/px, runs LRAN (or RAN) on the patches that hold tissue and writes a file that Python&apos;s torch.load reads: probabilities [rows, columns, classes], the global mask&apos;s channel mean and maximum, the attention gates and the class activation map (by default on H = B * M + B, so the attention mask shows in it), stitched into slide-aligned maps, with origin and cell_size in level-0 pixels and a JSON metadata string. Ctrl-C stops it and writes nothing. Random weights (random:SEED) are untrained and labelled so.</source>
        <translation>Divide una regione del vetrino (per impostazione predefinita il riquadro del tessuto rilevato) in patch 256 x 256 ai µm/px delle patch, esegue LRAN (o RAN) sulle patch che contengono tessuto e scrive un file che torch.load di Python legge: probabilità [righe, colonne, classi], media e massimo sui canali della maschera globale, i gate di attenzione e la mappa di attivazione di classe (per impostazione predefinita su H = B * M + B, così vi compare la maschera di attenzione), ricomposte in mappe allineate al vetrino, con origin e cell_size in pixel di livello 0 e una stringa di metadati JSON. Ctrl-C lo interrompe senza scrivere nulla. I pesi casuali (random:SEED) non sono addestrati e sono etichettati come tali.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The slide.</source>
        <translation>Il vetrino.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An LRAN/RAN state dict, or random:SEED.</source>
        <translation>Uno state dict LRAN/RAN oppure random:SEED.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file to write.</source>
        <translation>Il file da scrivere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lran or ran.</source>
        <translation>lran oppure ran.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Classes (default: the weights file&apos;s; 4 for random weights).</source>
        <translation>Classi (predefinite: quelle del file dei pesi; 4 per pesi casuali).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>µm/px of the patches.</source>
        <translation>µm/px delle patch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scan&apos;s µm/px, for a slide that records none (recorded as assumed).</source>
        <translation>I µm/px della scansione, per un vetrino che non li registra (registrati come presunti).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The level-0 region to run, x,y,w,h.</source>
        <translation>La regione del livello 0 da elaborare, x,y,w,h.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The class the CAM explains (default: each patch&apos;s predicted one).</source>
        <translation>La classe spiegata dalla CAM (predefinita: quella prevista per ogni patch).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The class activation map&apos;s layer: h (H = B * M + B, the attention mask included) or b (the base network&apos;s B, the mask left out).</source>
        <translation>Il livello della mappa di attivazione di classe: h (H = B * M + B, maschera di attenzione inclusa) o b (la B della rete di base, senza maschera).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also run patches without tissue.</source>
        <translation>Elabora anche le patch senza tessuto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patches per batch; 0 picks the device&apos;s default.</source>
        <translation>Patch per batch; 0 usa il valore predefinito del dispositivo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--weights and --out are required.</source>
        <translation>--weights e --out sono obbligatori.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--network must be lran or ran, not &apos;%1&apos;.</source>
        <translation>--network deve essere lran oppure ran, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--cam-target must be h or b, not &apos;%1&apos;.</source>
        <translation>--cam-target deve essere h o b, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--region needs x,y,w,h in level-0 pixels with a positive width and height, not &apos;%1&apos;.</source>
        <translation>--region richiede x,y,w,h in pixel del livello 0 con larghezza e altezza positive, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>LRAN</source>
        <translation>LRAN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Interrupted: the LRAN run was cancelled and nothing was written.</source>
        <translation>Interrotto: l&apos;esecuzione di LRAN è stata annullata e non è stato scritto nulla.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Slide:    %1 (%2 µm/px%3)</source>
        <translation>Vetrino:   %1 (%2 µm/px%3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, assumed</source>
        <translation>, presunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Region:   %1, %2, %3 x %4 level-0 px (%5): %6 x %7 patches at %8 µm/px, %9 run, %10 without tissue skipped</source>
        <translation>Regione:   %1, %2, %3 x %4 px del livello 0 (%5): %6 x %7 patch a %8 µm/px, elaborate: %9, saltate perché senza tessuto: %10</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tissue bounding box</source>
        <translation>rettangolo che delimita il tessuto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>given</source>
        <translation>indicata</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network:  %1</source>
        <translation>Rete:      %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network:  %1: UNTRAINED, random weights; its output means nothing</source>
        <translation>Rete:      %1: NON ADDESTRATA, pesi casuali; il suo output non ha alcun significato</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  %1: mean probability %2, predicted in %3 patches</source>
        <translation>  %1: probabilità media %2, prevista in %3 patch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Speed:    %1 patches/s on %2 (batch %3, %4 Torch threads)</source>
        <translation>Velocità:  %1 patch/s su %2 (batch %3, %4 thread Torch)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote:    %1</source>
        <translation>Scritto:   %1</translation>
    </message>
</context>
<context>
    <name>LranTrainCommand</name>
    <message>
        <location filename="../app/cli/commands/lran/lrantraincommand.cpp" line="+84"/>
        <source>Train LRAN or RAN on labelled patches; write a bundle with the held-out accuracy.</source>
        <translation>Addestra LRAN o RAN su patch etichettate; scrive un pacchetto con l&apos;accuratezza sui dati di test.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trains LRAN (or RAN) on labelled patches: a folder of class folders (the class is the folder&apos;s name) or a CSV of &apos;path,label&apos; lines. Images are resized to 256 x 256 (--input-size) and normalised like slide patches; a stratified, seeded part of every class is held out. The spec&apos;s protocol: cross-entropy, Adam 1e-4, 1e-5 after epoch 10, 5e-6 after epoch 20, 50 epochs, batches of 24 drawn class-balanced, random flips and rotations. Writes BUNDLE/lran.pt, BUNDLE/model.json with an &apos;lran&apos; section and BUNDLE/lran-training.json (per-epoch figures, held-out accuracy, confusion matrix). A checkpoint is kept after every epoch in BUNDLE.run; Ctrl-C stops and --resume continues. Without --bundle the bundle&apos;s extractor and attention classifier are random and it is labelled untrained. With --json the epoch lines go to stderr.</source>
        <translation>Addestra LRAN (o RAN) su patch etichettate: una cartella di cartelle di classi (la classe è il nome della cartella) oppure un CSV di righe &apos;path,label&apos;. Le immagini vengono ridimensionate a 256 x 256 (--input-size) e normalizzate come le patch dei vetrini; una parte stratificata di ogni classe, scelta in base al seme, viene tenuta da parte per il test. Il protocollo della specifica: entropia incrociata, Adam 1e-4, 1e-5 dopo l&apos;epoca 10, 5e-6 dopo l&apos;epoca 20, 50 epoche, batch di 24 estratti bilanciando le classi, ribaltamenti e rotazioni casuali. Scrive BUNDLE/lran.pt, BUNDLE/model.json con una sezione &apos;lran&apos; e BUNDLE/lran-training.json (valori per epoca, accuratezza sui dati di test, matrice di confusione). Dopo ogni epoca viene conservato un checkpoint in BUNDLE.run; Ctrl-C interrompe e --resume riprende. Senza --bundle l&apos;estrattore e il classificatore basato sull&apos;attenzione del pacchetto sono casuali e il pacchetto è etichettato come non addestrato. Con --json le righe delle epoche vanno su stderr.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A folder of class folders, or a CSV of path,label lines.</source>
        <translation>Una cartella di cartelle di classi oppure un CSV di righe path,label.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle folder to write.</source>
        <translation>La cartella del pacchetto da scrivere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lran or ran.</source>
        <translation>lran oppure ran.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs.</source>
        <translation>Epoche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per batch (at least 2).</source>
        <translation>Immagini per batch (almeno 2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s initial learning rate.</source>
        <translation>Tasso di apprendimento iniziale di Adam.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Epochs after which the rate drops to a tenth, then to half of that (empty: never).</source>
        <translation>Epoche dopo le quali il tasso scende a un decimo, poi alla metà di quel valore (vuoto: mai).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fraction of each class held out, 0 to below 1.</source>
        <translation>Frazione di ogni classe tenuta da parte per il test, da 0 a meno di 1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed of the split, the batches, the augmentation and the initialisation.</source>
        <translation>Seme della suddivisione, dei batch, dell&apos;aumento dei dati e dell&apos;inizializzazione.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many images per class (0: all).</source>
        <translation>Al massimo questo numero di immagini per classe (0: tutte).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train without random flips and rotations.</source>
        <translation>Addestra senza ribaltamenti e rotazioni casuali.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network&apos;s widths: torchvision (ResNet-18&apos;s, so ImageNet weights load) or paper (about the paper&apos;s 5.8 M parameters).</source>
        <translation>Le larghezze della rete: torchvision (quelle di ResNet-18, così i pesi ImageNet si caricano) o paper (circa i 5,8 M di parametri dell&apos;articolo).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An LRAN/RAN state dict to start from.</source>
        <translation>Uno state dict LRAN/RAN da cui partire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A bundle whose extractor and classifier the new bundle keeps.</source>
        <translation>Un pacchetto di cui il nuovo pacchetto conserva l&apos;estrattore e il classificatore.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>µm/px of the patches, recorded in the bundle.</source>
        <translation>µm/px delle patch, registrati nel pacchetto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The side images are resized to (a multiple of 32).</source>
        <translation>Il lato a cui vengono ridimensionate le immagini (un multiplo di 32).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The checkpoint folder (default: BUNDLE.run).</source>
        <translation>La cartella dei checkpoint (predefinita: BUNDLE.run).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Continue from the checkpoint.</source>
        <translation>Riprende dal checkpoint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle&apos;s name.</source>
        <translation>Il nome del pacchetto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--data and --out are required.</source>
        <translation>--data e --out sono obbligatori.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--holdout must be a fraction from 0 to below 1, not &apos;%1&apos;.</source>
        <translation>--holdout deve essere una frazione da 0 a meno di 1, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--decay-epochs needs increasing epochs of at least 1, such as 10,20, not &apos;%1&apos;.</source>
        <translation>--decay-epochs richiede epoche crescenti di almeno 1, come 10,20, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Epoch %1/%2</source>
        <translation>Epoca %1/%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>epoch %1/%2: loss %3, train accuracy %4, held-out accuracy %5, rate %6, %7 s (%8 images/s)</source>
        <translation>epoca %1/%2: loss %3, accuratezza di addestramento %4, accuratezza di test %5, tasso %6, %7 s (%8 immagini/s)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Interrupted: the checkpoint of the last finished epoch is kept in the run folder; run the same command with --resume to continue.</source>
        <translation>Interrotto: il checkpoint dell&apos;ultima epoca completata è conservato nella cartella delle esecuzioni; eseguire lo stesso comando con --resume per continuare.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resumed after epoch %1.</source>
        <translation>Ripreso dopo l&apos;epoca %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held-out accuracy: %1</source>
        <translation>Accuratezza sui dati di test: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion matrix (rows: truth, columns: prediction; %1):</source>
        <translation>Matrice di confusione (righe: verità, colonne: previsione; %1):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Training speed: %1 images/s (%2 Torch threads)</source>
        <translation>Velocità di addestramento: %1 immagini/s (%2 thread Torch)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle&apos;s extractor and attention classifier are random: it is labelled untrained.</source>
        <translation>L&apos;estrattore e il classificatore basato sull&apos;attenzione del pacchetto sono casuali: il pacchetto è etichettato come non addestrato.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle:  %1</source>
        <translation>Pacchetto:  %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report:  %1</source>
        <translation>Resoconto:  %1</translation>
    </message>
</context>
<context>
    <name>MachineReport</name>
    <message>
        <location filename="../app/machine/machinereport.cpp" line="+21"/>
        <source>Extraction uses cuda:0 in float16 with the batch measured as above.</source>
        <translation>L&apos;estrazione usa cuda:0 in float16 con il batch misurato come sopra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extraction uses the CPU in float32 with batch 4 (measured once on a 2-core machine; --batch changes it); the fastest here was %1.</source>
        <translation>L&apos;estrazione usa la CPU in float32 con batch 4 (misurato una volta su una macchina a 2 core; --batch lo cambia); qui il più veloce è stato %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extraction uses the CPU in float32 with batch 4.</source>
        <translation>L&apos;estrazione usa la CPU in float32 con batch 4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SlideSight %1 with Qt %2, OpenSlide %3, LibTorch %4, OpenCV %5</source>
        <translation>SlideSight %1 con Qt %2, OpenSlide %3, LibTorch %4, OpenCV %5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU: %1 hardware threads; Torch uses %2.</source>
        <translation>CPU: %1 thread hardware; Torch ne usa %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU %1: %2</source>
        <translation>GPU %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, %1 GB</source>
        <translation>, %1 GB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (%1 GB free)</source>
        <translation> (%1 GB liberi)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>batch %1: %2/s</source>
        <translation>batch %1: %2/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch %1: failed</source>
        <translation>batch %1: fallito</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Self-test on %1 (%2, Torch threads: %3): %4.</source>
        <translation>Autotest su %1 (%2, thread di Torch: %3): %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  Chosen: batch %1, %2 patches/s: %3.</source>
        <translation>  Scelto: batch %1, %2 patch/s: %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No problem found.</source>
        <translation>Nessun problema trovato.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+12"/>
        <source>Problem: %1</source>
        <translation>Problema: %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1: %2 patches/s at batch %3 (self-test)</source>
        <translation>%1: %2 patch/s con batch %3 (autotest)</translation>
    </message>
</context>
<context>
    <name>MapRequest</name>
    <message>
        <location filename="../app/cli/maprequest.cpp" line="+27"/>
        <source>The result file &apos;%1&apos; does not exist.</source>
        <translation>Il file di risultati &apos;%1&apos; non esiste.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is not a channel: give a channel number, &apos;mean&apos; or &apos;max&apos;.</source>
        <translation>&apos;%1&apos; non è un canale: indica un numero di canale, &apos;mean&apos; o &apos;max&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The result file has no map &apos;%1&apos;; it has: %2.</source>
        <translation>Il file di risultati non ha la mappa &apos;%1&apos;; ha: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The map &apos;%1&apos; has %2 channels, so there is no channel %3.</source>
        <translation>La mappa &apos;%1&apos; ha %2 canali, quindi non esiste il canale %3.</translation>
    </message>
</context>
<context>
    <name>Normalisation</name>
    <message>
        <location filename="../viewer/layers/normalisation.cpp" line="+98"/>
        <source>Raw values</source>
        <translation>Valori grezzi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum to maximum</source>
        <translation>Da minimo a massimo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Percentiles</source>
        <translation>Percentili</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rank</source>
        <translation>Rango</translation>
    </message>
</context>
<context>
    <name>ProgressBar</name>
    <message>
        <location filename="../app/cli/progressbar.cpp" line="+54"/>
        <source>%1 s left</source>
        <translation>%1 s rimanenti</translation>
    </message>
</context>
<context>
    <name>PythonFeatureBaseline</name>
    <message>
        <location filename="../app/cli/bench/pythonbaseline.cpp" line="+55"/>
        <source>The Python baseline needs python3, and none was found.</source>
        <translation>Il riferimento Python richiede python3, che non è stato trovato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot create a temporary folder for the Python baseline.</source>
        <translation>Impossibile creare una cartella temporanea per il riferimento Python.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot write the Python baseline&apos;s files to %1.</source>
        <translation>Impossibile scrivere i file del riferimento Python in %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot start %1 for the Python baseline.</source>
        <translation>Impossibile avviare %1 per il riferimento Python.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Python baseline did not finish within 30 minutes.</source>
        <translation>Il riferimento Python non è terminato entro 30 minuti.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The Python baseline failed (%1 needs torch, torchvision, openslide-python, Pillow and NumPy): %2</source>
        <translation>Il riferimento Python non è riuscito (%1 richiede torch, torchvision, openslide-python, Pillow e NumPy): %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Python baseline printed no result.</source>
        <translation>Il riferimento Python non ha stampato alcun risultato.</translation>
    </message>
</context>
<context>
    <name>ScaleBar</name>
    <message>
        <location filename="../viewer/view/scalebar.cpp" line="+32"/>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 nm</source>
        <translation>%1 nm</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (assumed µm/px)</source>
        <translation>%1 (µm/px presunti)</translation>
    </message>
</context>
<context>
    <name>ScoreSheet</name>
    <message>
        <location filename="../app/teaching/scoresheet.cpp" line="+115"/>
        <source>hit</source>
        <translation>colpito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>miss</source>
        <translation>mancato</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+53"/>
        <source>lesional</source>
        <translation>lesionale</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+53"/>
        <source>no lesion</source>
        <translation>nessuna lesione</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+7"/>
        <source>Score sheet: %1</source>
        <translation>Scheda dei punteggi: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 cases revealed, printed %3.</source>
        <translation>%1 di %2 casi svelati, stampata il %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model&apos;s maps come from a model that was never trained (in part or whole): its figures show the method, not a diagnostic skill.</source>
        <translation>Le mappe vengono da un modello mai addestrato (in tutto o in parte): le sue cifre mostrano il metodo, non una capacità diagnostica.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+31"/>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Slide calls right</source>
        <translation>Giudizi sul vetrino giusti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean cell AUC</source>
        <translation>AUC per cella, media</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean Dice</source>
        <translation>Dice medio</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <source>Pointing game</source>
        <translation>Pointing game</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>truth</source>
        <translation>verità</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>your marks and your pointing point (+)</source>
        <translation>i tuoi segni e il tuo punto indicato (+)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the model&apos;s highest cell (×)</source>
        <translation>la cella più alta del modello (×)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not revealed yet.</source>
        <translation>Non ancora svelato.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Truth: %1. Map: %2. Marks: %3. Time before the reveal: %4 s.</source>
        <translation>Verità: %1. Mappa: %2. Segni: %3. Tempo prima di svelare: %4 s.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Slide call</source>
        <translation>Giudizio sul vetrino</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell AUC</source>
        <translation>AUC per cella</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was never trained.</source>
        <translation>Il modello non è mai stato addestrato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model&apos;s features come from a never-trained extractor.</source>
        <translation>Le caratteristiche del modello vengono da un estrattore mai addestrato.</translation>
    </message>
</context>
<context>
    <name>SlideError</name>
    <message>
        <location filename="../viewer/slide/openslidesource.cpp" line="+111"/>
        <source>The file &quot;%1&quot; does not exist.</source>
        <translation>Il file &quot;%1&quot; non esiste.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is a folder, not a slide file.</source>
        <translation>&quot;%1&quot; è una cartella, non un file di vetrino.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file &quot;%1&quot; cannot be read (permission denied).</source>
        <translation>Il file &quot;%1&quot; non può essere letto (permesso negato).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a slide format that OpenSlide can read (it looks like %2).</source>
        <translation>&quot;%1&quot; non è in un formato di vetrino leggibile da OpenSlide (sembra %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a slide format that OpenSlide can read.</source>
        <translation>&quot;%1&quot; non è in un formato di vetrino leggibile da OpenSlide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is damaged or incomplete: %2.</source>
        <translation>&quot;%1&quot; è danneggiato o incompleto: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; has no image levels.</source>
        <translation>&quot;%1&quot; non contiene livelli di immagine.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Level %1 does not exist.</source>
        <translation>Il livello %1 non esiste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A region of %1x%2 pixels cannot be read.</source>
        <translation>Non è possibile leggere una regione di %1x%2 pixel.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+7"/>
        <source>Reading the slide failed: %1.</source>
        <translation>Lettura del vetrino non riuscita: %1.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The slide has no &quot;%1&quot; image.</source>
        <translation>Il vetrino non ha un&apos;immagine &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The &quot;%1&quot; image cannot be read.</source>
        <translation>Non è possibile leggere l&apos;immagine &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reading the &quot;%1&quot; image failed: %2.</source>
        <translation>Lettura dell&apos;immagine &quot;%1&quot; non riuscita: %2.</translation>
    </message>
    <message>
        <location filename="../viewer/slide/syntheticslidewriter.cpp" line="+176"/>
        <source>Cannot create &quot;%1&quot;.</source>
        <translation>Impossibile creare &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Writing &quot;%1&quot; failed (disk full?).</source>
        <translation>Scrittura di &quot;%1&quot; non riuscita (disco pieno?).</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+21"/>
        <source>Writing &quot;%1&quot; failed.</source>
        <translation>Scrittura di &quot;%1&quot; non riuscita.</translation>
    </message>
</context>
<context>
    <name>SlideReport</name>
    <message>
        <location filename="../app/cli/commands/slides/slidereport.cpp" line="+46"/>
        <source>%1 µm/px</source>
        <translation>%1 µm/px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 x %2 µm/px</source>
        <translation>%1 x %2 µm/px</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (read from the slide)</source>
        <translation>%1 (letto dal vetrino)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, ASSUMED from the %2x objective power (10 µm/px divided by the power); the slide does not record its µm/px</source>
        <translation>%1, PRESUNTO dall&apos;ingrandimento dell&apos;obiettivo %2x (10 µm/px diviso per l&apos;ingrandimento); il vetrino non registra i propri µm/px</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (entered by the user, assumed)</source>
        <translation>%1 (inserito dall&apos;utente, presunto)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UNKNOWN: the slide records neither its µm/px nor its objective power, so physical sizes cannot be shown</source>
        <translation>SCONOSCIUTA: il vetrino non registra né i propri µm/px né l&apos;ingrandimento dell&apos;obiettivo, quindi le dimensioni fisiche non possono essere mostrate</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vendor</source>
        <translation>Produttore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>%1 x %2 px</source>
        <translation>%1 x %2 px</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Resolution</source>
        <translation>Risoluzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective power</source>
        <translation>Ingrandimento obiettivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1x</source>
        <translation>%1x</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Background colour</source>
        <translation>Colore di sfondo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenSlide version</source>
        <translation>Versione di OpenSlide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Levels (%1):</source>
        <translation>Livelli (%1):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>level</source>
        <translation>liv.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>size (px)</source>
        <translation>dimensioni (px)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>downsample</source>
        <translation>riduzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tile size</source>
        <translation>dim. riquadro</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not tiled</source>
        <translation>senza riquadri</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Associated images (%1):</source>
        <translation>Immagini associate (%1):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Properties (%1):</source>
        <translation>Proprietà (%1):</translation>
    </message>
</context>
<context>
    <name>SynthCommand</name>
    <message>
        <location filename="../app/cli/commands/slides/synthcommand.cpp" line="+27"/>
        <source>Write a synthetic pyramidal slide with a known colour pattern (for demos and tests).</source>
        <translation>Scrive un vetrino piramidale sintetico con un motivo di colori noto (per dimostrazioni e test).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writes a tiled, JPEG-compressed, pyramidal TIFF (downsamples 1, 4, 16 while a level is at least 256 px) filled with 64x64 blocks of distinct colours. The aperio flavour records µm/px and objective power as an Aperio SVS does; the generic flavour is a plain tiled TIFF without µm/px.</source>
        <translation>Scrive un TIFF piramidale a riquadri con compressione JPEG (fattori di riduzione 1, 4, 16 finché un livello misura almeno 256 px) riempito di blocchi 64x64 di colori distinti. La variante aperio registra µm/px e ingrandimento dell&apos;obiettivo come un SVS Aperio; la variante generic è un semplice TIFF a riquadri senza µm/px.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file to write (for example out.tiff).</source>
        <translation>Il file da scrivere (per esempio out.tiff).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level-0 size in pixels, WxH or N for a square.</source>
        <translation>Dimensioni del livello 0 in pixel, WxH oppure N per un quadrato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>aperio or generic.</source>
        <translation>aperio oppure generic.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Micrometres per pixel to record (aperio flavour only); the objective power written is 10 divided by it.</source>
        <translation>Micrometri per pixel da registrare (solo variante aperio); l&apos;ingrandimento dell&apos;obiettivo scritto è 10 diviso per questo valore.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--size needs WxH or N with sides from 1 to %1, not &apos;%2&apos;.</source>
        <translation>--size richiede WxH oppure N con lati da 1 a %1, non &apos;%2&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--flavour must be aperio or generic, not &apos;%1&apos;.</source>
        <translation>--flavour deve essere aperio oppure generic, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--mpp needs --flavour aperio: a generic TIFF records no µm/px.</source>
        <translation>--mpp richiede --flavour aperio: un TIFF generic non registra i µm/px.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writing %1</source>
        <translation>Scrittura di %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Wrote %1: %2 x %3 px, %4 levels, %5 flavour.</source>
        <translation>Scritto %1: %2 x %3 px, livelli: %4, variante %5.</translation>
    </message>
</context>
<context>
    <name>TeachingCaseList</name>
    <message>
        <location filename="../app/teaching/teachingcases.cpp" line="+42"/>
        <source>Demo: held-out mosaics</source>
        <translation>Demo: mosaici di verifica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Case %1</source>
        <translation>Caso %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&quot;%1&quot; is too large for a case list (more than 4 MB).</source>
        <translation>&quot;%1&quot; è troppo grande per un elenco di casi (più di 4 MB).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the case list &quot;%1&quot;: %2.</source>
        <translation>Impossibile leggere l&apos;elenco di casi &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a case list: a JSON object with a &quot;cases&quot; array is expected.</source>
        <translation>&quot;%1&quot; non è un elenco di casi: serve un oggetto JSON con un array &quot;cases&quot;.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Case %1 of &quot;%2&quot; names no slide.</source>
        <translation>Il caso %1 di &quot;%2&quot; non indica alcun vetrino.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>There are no teaching cases at &quot;%1&quot;.</source>
        <translation>Non ci sono casi didattici in &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There are no teaching cases at &quot;%1&quot;: no slide was found.</source>
        <translation>Non ci sono casi didattici in &quot;%1&quot;: nessun vetrino trovato.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The teaching cases at &quot;%1&quot; name &quot;%2&quot;, which is missing.</source>
        <translation>I casi didattici in &quot;%1&quot; indicano &quot;%2&quot;, che manca.</translation>
    </message>
</context>
<context>
    <name>TeachingProgress</name>
    <message>
        <location filename="../app/teaching/teachingprogress.cpp" line="+71"/>
        <source>Cannot create the folder &quot;%1&quot; for the teaching progress.</source>
        <translation>Impossibile creare la cartella &quot;%1&quot; per i progressi didattici.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The teaching progress in &quot;%1&quot; could not be read; it was kept as %2 and starts over.</source>
        <translation>I progressi didattici in &quot;%1&quot; non sono leggibili: il file è stato conservato come %2 e si ricomincia da capo.</translation>
    </message>
</context>
<context>
    <name>ThumbnailCommand</name>
    <message>
        <location filename="../app/cli/commands/slides/thumbnailcommand.cpp" line="+40"/>
        <source>Draw a slide&apos;s thumbnail, optionally with a result file&apos;s map over it, into a PNG file.</source>
        <translation>Disegna la miniatura di un vetrino, eventualmente con sopra la mappa di un file dei risultati, in un file PNG.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Draws the whole slide (its coarsest display level, scaled to fit --size) into a PNG file. With --map a map of a result file (written by &apos;analyze&apos; or &apos;classify&apos;) is drawn over it as the viewer draws a heatmap layer: one colour per grid cell, min-max normalised, cells without a value left clear. KEY names the map as for &apos;compare&apos;: attention-max (default), attention-min, attention-avg, gradcam or tissue, optionally with a channel (attention-max:7); multi-channel maps show their channel mean.</source>
        <translation>Disegna l&apos;intero vetrino (il suo livello di visualizzazione più grossolano, ridimensionato per stare in --size) in un file PNG. Con --map una mappa di un file dei risultati (scritto da &apos;analyze&apos; o &apos;classify&apos;) viene disegnata sopra come il visualizzatore disegna un livello di mappa di calore: un colore per cella della griglia, normalizzato tra minimo e massimo, celle senza valore lasciate trasparenti. KEY indica la mappa come per &apos;compare&apos;: attention-max (predefinita), attention-min, attention-avg, gradcam o tissue, eventualmente con un canale (attention-max:7); le mappe a più canali mostrano la media dei canali.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The slide file (any format OpenSlide reads).</source>
        <translation>Il file del vetrino (qualsiasi formato letto da OpenSlide).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The PNG file to write.</source>
        <translation>Il file PNG da scrivere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The result file and optionally the map to draw over the slide.</source>
        <translation>Il file dei risultati ed eventualmente la mappa da disegnare sul vetrino.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The longer side of the picture in pixels.</source>
        <translation>Il lato più lungo dell&apos;immagine, in pixel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The map&apos;s opacity, from 0 to 1.</source>
        <translation>L&apos;opacità della mappa, da 0 a 1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The map&apos;s colours: viridis, magma, inferno, plasma, jet or gray.</source>
        <translation>I colori della mappa: viridis, magma, inferno, plasma, jet o gray.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--out is required.</source>
        <translation>--out è obbligatorio.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--opacity needs a number from 0 to 1, not &apos;%1&apos;.</source>
        <translation>--opacity richiede un numero da 0 a 1, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--colormap must be viridis, magma, inferno, plasma, jet or gray, not &apos;%1&apos;.</source>
        <translation>--colormap deve essere viridis, magma, inferno, plasma, jet o gray, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot write &quot;%1&quot;: %2.</source>
        <translation>Impossibile scrivere &quot;%1&quot;: %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Wrote %1 (%2 x %3 px).</source>
        <translation>Scritto %1 (%2 x %3 px).</translation>
    </message>
</context>
<context>
    <name>TileBenchCommand</name>
    <message>
        <location filename="../app/cli/bench/tilebenchcommand.cpp" line="+50"/>
        <source>Measure tile throughput of the viewer&apos;s pipeline against plain OpenSlide, and the time to the first sharp frame.</source>
        <translation>Misura i riquadri al secondo della pipeline del visualizzatore rispetto a OpenSlide puro e il tempo fino al primo fotogramma nitido.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Walks a seeded random sequence of %1 x %2 viewports over every level of the display pyramid. For each viewport the viewer&apos;s tile plan is requested from the threaded tile scheduler (fresh cache each run) and the next viewport comes when it is idle. In the same run, plain single-threaded openslide_read_region reads the same unique 256 x 256 tiles (the same native regions). Also times opening the slide until every tile of a fit-to-view frame&apos;s level is cached. Runs alternate which side goes first; the file is read once beforehand so both see a warm page cache.</source>
        <translation>Percorre una sequenza casuale (con seme) di viste di %1 x %2 su ogni livello della piramide di visualizzazione. Per ogni vista il piano dei riquadri del visualizzatore viene richiesto allo scheduler multithread dei riquadri (cache nuova a ogni esecuzione) e la vista successiva arriva quando lo scheduler è inattivo. Nella stessa esecuzione, openslide_read_region puro a thread singolo legge gli stessi riquadri unici di 256 x 256 (le stesse regioni native). Misura anche il tempo dall&apos;apertura del vetrino finché ogni riquadro del livello di un fotogramma adattato alla vista è in cache. Le esecuzioni alternano la parte che inizia per prima; il file viene letto una volta in anticipo, così entrambe le parti trovano la cache delle pagine già calda.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The slide to measure; with --large, the slide to cut tissue from (default: slides/cmu-1-small-region.svs under SLIDESIGHT_TEST_DATA).</source>
        <translation>Il vetrino da misurare; con --large, il vetrino da cui ritagliare il tessuto (predefinito: slides/cmu-1-small-region.svs in SLIDESIGHT_TEST_DATA).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Viewports in the walk.</source>
        <translation>Viste nel percorso.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed of the viewport walk.</source>
        <translation>Seme del percorso delle viste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Measured runs; the figures are totals over all.</source>
        <translation>Esecuzioni misurate; i valori sono totali su tutte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measure a large slide of real tissue, built once into the cache folder.</source>
        <translation>Misura un vetrino grande di tessuto reale, creato una sola volta nella cartella della cache.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Side of the --large slide in pixels.</source>
        <translation>Lato del vetrino --large in pixel.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>--size only applies with --large.</source>
        <translation>--size vale solo con --large.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Missing argument: SLIDE (or use --large).</source>
        <translation>Argomento mancante: SLIDE (oppure usare --large).</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>--large needs a slide to cut tissue from: give SLIDE or set SLIDESIGHT_TEST_DATA.</source>
        <translation>--large richiede un vetrino da cui ritagliare il tessuto: indicare SLIDE o impostare SLIDESIGHT_TEST_DATA.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>one per core</source>
        <translation>uno per core</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tile I/O threads</source>
        <translation>Thread di I/O dei riquadri</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The viewport walk requested no tiles.</source>
        <translation>Il percorso delle viste non ha richiesto alcun riquadro.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Measuring</source>
        <translation>Misurazione</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>level %1: %2</source>
        <translation>livello %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slide:              %1 (%2 x %3 px, %4 display levels)
</source>
        <translation>Vetrino:                  %1 (%2 x %3 px, livelli di visualizzazione: %4)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Walk:               %1 viewports of %2 x %3 px, seed %4, %5 runs
</source>
        <translation>Percorso:                 %1 viste di %2 x %3 px, seme %4, esecuzioni: %5
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tiles per run:      %1 unique 256 x 256 tiles (%2)
</source>
        <translation>Riquadri per esecuzione:  %1 riquadri unici di 256 x 256 (%2)
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pipeline:           %1 tiles/s with %2 threads (%3 cores, load average %4)
</source>
        <translation>Pipeline:                 %1 riquadri/s con %2 thread (%3 core, carico medio %4)
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenSlide baseline: %1 tiles/s, one thread
</source>
        <translation>Riferimento OpenSlide:    %1 riquadri/s, un thread
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ratio:              %1 (goal: at least 1.6; the pipeline&apos;s reader: %2)
</source>
        <translation>Rapporto:                 %1 (obiettivo: almeno 1.6; lettore della pipeline: %2)
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direct reader:      %1 tiles/s, one thread: %2 x OpenSlide (goal: at least 2.5; it decoded %3 of the reads itself, the rest went to OpenSlide)
</source>
        <translation>Lettore diretto:          %1 riquadri/s, un thread: %2 x OpenSlide (obiettivo: almeno 2.5; ha decodificato da sé %3 delle letture, le altre sono andate a OpenSlide)
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First sharp frame:  %1 ms (goal: at most 1000 ms; opening %2 ms; level %3, %4 tiles)
</source>
        <translation>Primo fotogramma nitido:  %1 ms (obiettivo: al massimo 1000 ms; apertura %2 ms; livello %3, riquadri: %4)
</translation>
    </message>
</context>
<context>
    <name>TissueMosaic</name>
    <message>
        <location filename="../app/cli/bench/tissuemosaic.cpp" line="+37"/>
        <location line="+13"/>
        <source>The slide is too small to cut tissue from.</source>
        <translation>Il vetrino è troppo piccolo per ritagliarne del tessuto.</translation>
    </message>
</context>
<context>
    <name>TrainBenchCommand</name>
    <message>
        <location filename="../app/cli/bench/trainbenchcommand.cpp" line="+15"/>
        <source>Measure seconds per training epoch of the attention classifier on random features.</source>
        <translation>Misura i secondi per epoca di addestramento del classificatore basato sull&apos;attenzione su caratteristiche casuali.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trains the attention classifier (K -&gt; 64 3D convolution, max+min attention, SGD, batches of --batch grids) on --grids random grids of --rows x --columns cells and --features features for --epochs epochs and reports the seconds of each epoch. Writes no file.</source>
        <translation>Addestra il classificatore basato sull&apos;attenzione (convoluzione 3D K -&gt; 64, attenzione max+min, SGD, batch di --batch griglie) su --grids griglie casuali di --rows x --columns celle e --features caratteristiche per --epochs epoche e riporta i secondi di ogni epoca. Non scrive alcun file.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grids per epoch.</source>
        <translation>Griglie per epoca.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows of each grid.</source>
        <translation>Righe di ogni griglia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Columns of each grid.</source>
        <translation>Colonne di ogni griglia.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>K, features per cell.</source>
        <translation>K, caratteristiche per cella.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs to time.</source>
        <translation>Epoche da cronometrare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grids per optimiser step.</source>
        <translation>Griglie per passo dell&apos;ottimizzatore.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Interrupted.</source>
        <translation>Interrotto.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 grids of %2 x %3 x %4, batch %5 (chunks of %6), %7 threads: %8 s per epoch (fastest of %9)</source>
        <translation>%1 griglie di %2 x %3 x %4, batch %5 (blocchi da %6), %7 thread: %8 s per epoca (la più veloce su %9)</translation>
    </message>
</context>
<context>
    <name>TrainCommand</name>
    <message>
        <location filename="../app/cli/commands/training/traincommand.cpp" line="+28"/>
        <source>Train the attention classifier with cross-validation; write a trained bundle and a run folder.</source>
        <translation>Addestra il classificatore basato sull&apos;attenzione con validazione incrociata; scrive un pacchetto del modello addestrato e una cartella delle esecuzioni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trains the attention-based classifier on the grids of a manifest (CSV lines &apos;path,label[,fold]&apos; or &apos;path,score[,fold]&apos;; path: a grid file from &apos;extract&apos; or a slide, extracted through the grid cache) with the paper&apos;s protocols: classification with cross-entropy and SGD (learning rate 1e-3, momentum 0.9, x0.1 after epoch 20), regression with MSE and Adam (1e-4); 35 epochs; batches of 64 grids padded to the largest with a validity mask; k-fold cross-validation x random initialisations, folds from the manifest or stratified by the seed. The bundle gets the classifier of the run with the best held-out metric and the mean cross-validated metric; the run folder (BUNDLE.run) gets a checkpoint after every epoch, each run&apos;s weights and scores.json. Ctrl-C stops and keeps the checkpoint; --resume continues from it. By default the paper&apos;s x9 augmentation and extra 4 µm/px scale are used: exact (re-extracted) with both when every manifest line names a slide, fast (grid transforms) without the extra scale when the manifest has grid files; the output says which. --test-manifest scores every run&apos;s classifier on a held-out test set. With --json the epoch lines go to stderr.</source>
        <translation>Addestra il classificatore basato sull&apos;attenzione sulle griglie di un manifest (righe CSV &apos;path,label[,fold]&apos; o &apos;path,score[,fold]&apos;; path: un file di griglia di &apos;extract&apos; o un vetrino, estratto tramite la cache delle griglie) con i protocolli dell&apos;articolo: classificazione con entropia incrociata e SGD (tasso di apprendimento 1e-3, momento 0.9, x0.1 dopo l&apos;epoca 20), regressione con MSE e Adam (1e-4); 35 epoche; lotti di 64 griglie riempite fino alla più grande con una maschera di validità; validazione incrociata a k fold x inizializzazioni casuali, fold dal manifest o stratificati dal seme. Il bundle riceve il classificatore dell&apos;esecuzione con la migliore metrica di validazione e la metrica media della validazione incrociata; la cartella di esecuzione (BUNDLE.run) riceve un checkpoint dopo ogni epoca, i pesi di ogni esecuzione e scores.json. Ctrl-C interrompe e conserva il checkpoint; --resume riprende da esso. Per impostazione predefinita si usano l&apos;aumento x9 dell&apos;articolo e la scala aggiuntiva a 4 µm/px: esatti (riestratti) con entrambi quando ogni riga del manifest indica un vetrino, fast (trasformazioni della griglia) senza la scala aggiuntiva quando il manifest ha file di griglia; l&apos;output dice quale. --test-manifest valuta il classificatore di ogni esecuzione su un insieme di test tenuto da parte. Con --json le righe delle epoche vanno su stderr.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The manifest CSV.</source>
        <translation>Il manifesto CSV.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bundle folder to write.</source>
        <translation>La cartella del pacchetto da scrivere.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The run folder (default: BUNDLE.run).</source>
        <translation>La cartella delle esecuzioni (predefinita: BUNDLE.run).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>classification or regression.</source>
        <translation>classification oppure regression.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epochs per run.</source>
        <translation>Epoche per esecuzione.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grids per optimiser step.</source>
        <translation>Griglie per passo dell&apos;ottimizzatore.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grids run at once inside a batch (memory); 0 picks it.</source>
        <translation>Griglie elaborate insieme all&apos;interno di un batch (memoria); 0 le sceglie automaticamente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cross-validation folds.</source>
        <translation>Fold della validazione incrociata.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random initialisations per fold.</source>
        <translation>Inizializzazioni casuali per fold.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>auto, none, fast (the x9 flips, rotations and translations applied to the extracted grid) or exact (the transformed slide re-extracted: flipped and rotated patch pixels, shifted grid origins; needs slides). auto: exact when every manifest line names a slide, else fast.</source>
        <translation>auto, none, fast (i x9 ribaltamenti, rotazioni e traslazioni applicati alla griglia estratta) o exact (il vetrino trasformato riestratto: pixel delle patch ribaltati e ruotati, origini della griglia spostate; richiede vetrini). auto: exact quando ogni riga del manifest indica un vetrino, altrimenti fast.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also train on every training slide at 4 µm/px (needs slides). Default: on when every manifest line names a slide, else off.</source>
        <translation>Addestra anche su ogni vetrino di addestramento a 4 µm/px (richiede vetrini). Predefinito: attivo quando ogni riga del manifest indica un vetrino, altrimenti disattivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Never add the 4 µm/px scale.</source>
        <translation>Non aggiungere mai la scala a 4 µm/px.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A held-out test manifest (grids or slides, extracted like --manifest): after training, every run&apos;s classifier is scored on it; each run&apos;s metric and their mean (std) are reported and written to scores.json, which &apos;evaluate --compare&apos; then pairs.</source>
        <translation>Un manifest di test tenuto da parte (griglie o vetrini, estratti come --manifest): dopo l&apos;addestramento il classificatore di ogni esecuzione viene valutato su di esso; la metrica di ogni esecuzione e la loro media (dev. std.) sono riportate e scritte in scores.json, che &apos;evaluate --compare&apos; poi appaia.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed of the folds, the shuffling and the initialisations.</source>
        <translation>Seme dei fold, del rimescolamento e delle inizializzazioni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue from the run folder&apos;s checkpoint.</source>
        <translation>Riprende dal checkpoint della cartella delle esecuzioni.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sgd or adam (default: SGD with momentum 0.9 for classification, Adam for regression, as in the paper).</source>
        <translation>sgd o adam (predefinito: SGD con momento 0.9 per la classificazione, Adam per la regressione, come nell&apos;articolo).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Multiply the features by this before the classifier, or auto: 1 / their mean over the training grids (for features far from a trained ResNet&apos;s scale); recorded in the bundle.</source>
        <translation>Moltiplica le feature per questo valore prima del classificatore, oppure auto: 1 / la loro media sulle griglie di addestramento (per feature lontane dalla scala di una ResNet addestrata); registrato nel bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Learning rate (default: 1e-3 for SGD, 1e-4 for Adam).</source>
        <translation>Tasso di apprendimento (predefinito: 1e-3 per SGD, 1e-4 per Adam).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attention sets: max+min, max, min, avg or avg+max.</source>
        <translation>Insiemi di attenzione: max+min, max, min, avg oppure avg+max.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>H, the 3D convolution&apos;s output channels.</source>
        <translation>H, i canali di uscita della convoluzione 3D.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n, the 3D convolution&apos;s odd spatial size.</source>
        <translation>n, la dimensione spaziale (dispari) della convoluzione 3D.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>relu, tanh or none.</source>
        <translation>relu, tanh oppure none.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The 3D convolution&apos;s padding: zeros (the paper&apos;s) or centre (a missing neighbour takes the centre cell&apos;s features); recorded in the bundle.</source>
        <translation>Il padding della convoluzione 3D: zeros (quello dell&apos;articolo) o centre (un vicino mancante prende le feature della cella centrale); registrato nel bundle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave cells without tissue out of the attention.</source>
        <translation>Esclude dall&apos;attenzione le celle senza tessuto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extractor for slides in the manifest: a torchvision .pth, a TorchScript file or random:SEED (default: random:1 for slides; grid files keep the extractor they record).</source>
        <translation>Estrattore per i vetrini del manifesto: un .pth di torchvision, un file TorchScript oppure random:SEED (predefinito: random:1 per i vetrini; i file di griglia mantengono l&apos;estrattore che registrano).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extractor architecture: resnet34 or resnet18.</source>
        <translation>Architettura dell&apos;estrattore: resnet34 oppure resnet18.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grid resolution in µm/px for slides.</source>
        <translation>Risoluzione della griglia in µm/px per i vetrini.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>µm/px of slides that record none.</source>
        <translation>µm/px dei vetrini che non li registrano.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The grid cache folder.</source>
        <translation>La cartella della cache delle griglie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bundle&apos;s name.</source>
        <translation>Il nome del pacchetto.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--manifest and --out are required.</source>
        <translation>--manifest e --out sono obbligatori.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give --extra-scale or --no-extra-scale, not both.</source>
        <translation>Indicare --extra-scale o --no-extra-scale, non entrambi.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>--input-scale must be a number above 0 or auto, not &apos;%1&apos;.</source>
        <translation>--input-scale deve essere un numero maggiore di 0 o auto, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>run %1/%2 (fold %3, init %4) epoch %5/%6: %7 grids, lr %8, loss %9, held-out %10, %11 s</source>
        <translation>esecuzione %1/%2 (fold %3, init %4) epoca %5/%6: %7 griglie, lr %8, perdita %9, validazione %10, %11 s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preparing grids</source>
        <translation>Preparazione delle griglie</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Interrupted: the checkpoint of the last finished epoch is kept in the run folder; run the same command with --resume to continue.</source>
        <translation>Interrotto: il checkpoint dell&apos;ultima epoca completata è conservato nella cartella delle esecuzioni; eseguire lo stesso comando con --resume per continuare.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Resumed from run %1, epoch %2.</source>
        <translation>Ripreso dall&apos;esecuzione %1, epoca %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Augmentation: %1</source>
        <translation>Aumento:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimiser:   %1; classifier input scale %2</source>
        <translation>Ottimizzatore: %1; scala d&apos;ingresso del classificatore %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fold %1, init %2: held-out %3 %4</source>
        <translation>fold %1, init %2: %3 di test %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, test %1</source>
        <translation>, test %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-validated %1: %2 (std %3) over %4 runs; bundle weights from run %5.</source>
        <translation>%1 in validazione incrociata: %2 (dev. std. %3) su %4 esecuzioni; pesi del pacchetto dall&apos;esecuzione %5.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test %1 on %2 (%3 slides): %4 (std %5) over %6 runs.</source>
        <translation>Test %1 su %2 (%3 vetrini): %4 (dev. std. %5) su %6 esecuzioni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The features come from an UNTRAINED (random) extractor; the bundle is labelled so.</source>
        <translation>Le caratteristiche provengono da un estrattore NON ADDESTRATO (casuale); il pacchetto è etichettato come tale.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle:      %1</source>
        <translation>Pacchetto:                 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run folder:  %1 (scores.json, checkpoint, per-run weights)</source>
        <translation>Cartella delle esecuzioni: %1 (scores.json, checkpoint, pesi di ogni esecuzione)</translation>
    </message>
</context>
<context>
    <name>UntrainedNotice</name>
    <message>
        <location filename="../app/shell/screenshots/untrainednotice.cpp" line="+10"/>
        <source>Untrained model: these layers are not meaningful.</source>
        <translation>Modello non addestrato: questi livelli non sono significativi.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Teaching model: features from a seeded, untrained ResNet-34.</source>
        <translation>Modello didattico: feature da una ResNet-34 con seme, non addestrata.</translation>
    </message>
</context>
<context>
    <name>VerifiedDownload</name>
    <message>
        <location filename="../app/cli/verifieddownload.cpp" line="+45"/>
        <source>The expected SHA-256 must be 8 to 64 hexadecimal digits, not &apos;%1&apos;.</source>
        <translation>Lo SHA-256 atteso deve avere da 8 a 64 cifre esadecimali, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+36"/>
        <source>Cannot write %1: %2.</source>
        <translation>Impossibile scrivere %1: %2.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Interrupted: the download was cancelled and nothing was written.</source>
        <translation>Interrotto: il download è stato annullato e non è stato scritto nulla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot download %1: %2.</source>
        <translation>Impossibile scaricare %1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot download %1: the server answered HTTP %2.</source>
        <translation>Impossibile scaricare %1: il server ha risposto HTTP %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The downloaded file from %1 failed verification: its SHA-256 is %2, expected %3%4. Nothing was written.</source>
        <translation>Il file scaricato da %1 non ha superato la verifica: il suo SHA-256 è %2, quello atteso %3%4. Non è stato scritto nulla.</translation>
    </message>
</context>
<context>
    <name>WeightsFetchCommand</name>
    <message>
        <location filename="../app/cli/commands/features/weightsfetchcommand.cpp" line="+17"/>
        <source>Download the torchvision ResNet-34 ImageNet weights and verify their SHA-256.</source>
        <translation>Scarica i pesi ImageNet di ResNet-34 di torchvision e ne verifica lo SHA-256.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Downloads pretrained extractor weights (by default torchvision&apos;s ResNet-34 ImageNet weights, %1) into a folder and prints the file&apos;s path, for extract --weights. The file is kept only if its SHA-256 matches: torchvision publishes the first 8 hex digits of it in the file name (b627a593), which is what torch.hub checks too; --sha256 gives a full hash to check instead. A verified copy already in the folder is not downloaded again.</source>
        <translation>Scarica in una cartella i pesi preaddestrati dell&apos;estrattore (per impostazione predefinita i pesi ImageNet di ResNet-34 di torchvision, %1) e stampa il percorso del file, da usare con extract --weights. Il file viene conservato solo se il suo SHA-256 corrisponde: torchvision ne pubblica le prime 8 cifre esadecimali nel nome del file (b627a593), ed è ciò che controlla anche torch.hub; --sha256 indica invece un hash completo da controllare. Una copia verificata già presente nella cartella non viene scaricata di nuovo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The folder for the weights (default: %1).</source>
        <translation>La cartella per i pesi (predefinita: %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download from this URL instead.</source>
        <translation>Scarica invece da questo URL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expected SHA-256 (or a prefix of 8 or more hex digits); by default the hash prefix in the file name.</source>
        <translation>Lo SHA-256 atteso (o un suo prefisso di 8 o più cifre esadecimali); per impostazione predefinita il prefisso dell&apos;hash nel nome del file.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--url needs a full URL ending in a file name, not &apos;%1&apos;.</source>
        <translation>--url richiede un URL completo che termini con un nome di file, non &apos;%1&apos;.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file name &apos;%1&apos; carries no hash to verify: give --sha256.</source>
        <translation>Il nome di file &apos;%1&apos; non contiene alcun hash da verificare: indicare --sha256.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot create the folder %1.</source>
        <translation>Impossibile creare la cartella %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Downloading %1</source>
        <translation>Download di %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Downloaded and verified: %1</source>
        <translation>Scaricato e verificato: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already present and verified: %1</source>
        <translation>Già presente e verificato: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 %1 (checked against %2)</source>
        <translation>SHA-256 %1 (confrontato con %2)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/cli/main.cpp" line="+48"/>
        <source>--lang needs a language code, for example it or en.</source>
        <translation>--lang richiede un codice di lingua, per esempio it o en.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SlideSight command line: slide information, benchmarks and synthetic slides. Every command exits with 0 on success, 1 when it fails and 2 on a bad command line; --json gives machine-readable output. --lang CODE (for example it or en) picks the language; by default it follows the system locale.</source>
        <translation>Riga di comando di SlideSight: informazioni sui vetrini, benchmark e vetrini sintetici. Ogni comando termina con 0 in caso di successo, 1 se non riesce e 2 se la riga di comando è errata; --json produce un output leggibile dalle macchine. --lang CODICE (per esempio it o en) sceglie la lingua; per impostazione predefinita segue la lingua del sistema.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Benchmarks (bench tiles, bench features, bench train).</source>
        <translation>Benchmark (bench tiles, bench features, bench train).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Benchmarks of the viewer&apos;s machinery.</source>
        <translation>Benchmark dei meccanismi interni del visualizzatore.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pretrained extractor weights (weights fetch).</source>
        <translation>Pesi preaddestrati dell&apos;estrattore (weights fetch).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained weights for the feature extractor.</source>
        <translation>Pesi preaddestrati per l&apos;estrattore di caratteristiche.</translation>
    </message>
    <message>
        <location filename="../app/shell/main.cpp" line="+59"/>
        <source>slidesight: %1</source>
        <translation>slidesight: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>there is no display to open a window on (DISPLAY is not set); --screenshot renders without one.</source>
        <translation>non c’è uno schermo su cui aprire una finestra (DISPLAY non è impostata); --screenshot disegna senza.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Viewer for gigapixel pathology slides.</source>
        <translation>Visualizzatore di vetrini digitali di patologia da gigapixel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>Slide to open.</source>
        <translation>Vetrino da aprire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the view to an image file without a window, then exit.</source>
        <translation>Salva la vista in un file immagine senza aprire una finestra, poi esce.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screenshot size (default 1280x800).</source>
        <translation>Dimensioni dello screenshot (predefinite: 1280x800).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot magnification, e.g. 10 (default: fit the slide).</source>
        <translation>Ingrandimento dello screenshot, per es. 10 (predefinito: adatta al vetrino).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot centre in level-0 pixels.</source>
        <translation>Centro dello screenshot in pixel del livello 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>µm/px to assume when the slide does not record it.</source>
        <translation>µm/px da presumere quando il vetrino non li registra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface language, e.g. it or en.</source>
        <translation>Lingua dell&apos;interfaccia, per es. it o en.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screenshot time limit in seconds (default 120).</source>
        <translation>Tempo massimo per lo screenshot in secondi (predefinito: 120).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Analyse the slide with this model bundle (folder or .zip).</source>
        <translation>Analizza il vetrino con questo pacchetto del modello (cartella o .zip).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layers to show in the screenshot, e.g. attention-max:mean,gradcam: %1.</source>
        <translation>Livelli da mostrare nello screenshot, ad es. attention-max:mean,gradcam: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Annotation file (ASAP XML or GeoJSON) for the annotations and agreement layers of a screenshot (default: the slide&apos;s own).</source>
        <translation>File di annotazioni (ASAP XML o GeoJSON) per i livelli annotations e agreement di uno screenshot (predefinito: quello del vetrino).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Screenshot rotation in degrees, clockwise.</source>
        <translation>Rotazione dello screenshot in gradi, in senso orario.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Split the window&apos;s view into 1, 2 or 4 linked panes.</source>
        <translation>Divide la vista della finestra in 1, 2 o 4 riquadri collegati.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Teaching mode: go through the cases of a demo folder, a case list (JSON) or a folder of slides with their truth; &quot;demo&quot; is the demo in %1.</source>
        <translation>Modalità didattica: percorri i casi di una cartella demo, di un elenco di casi (JSON) o di una cartella di vetrini con la loro verità; &quot;demo&quot; è la demo in %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--grid-mpp needs a model bundle (--analyze BUNDLE).</source>
        <translation>--grid-mpp richiede un pacchetto modello (--analyze BUNDLE).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--opacity needs layers to show (--show LAYERS).</source>
        <translation>--opacity richiede livelli da mostrare (--show LAYERS).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--show %1 needs a model bundle (--analyze BUNDLE).</source>
        <translation>--show %1 richiede un pacchetto modello (--analyze BUNDLE).</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>--panes must be 1, 2 or 4.</source>
        <translation>--panes deve essere 1, 2 o 4.</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>--teach opens its own cases: give it no slide, --demo or --screenshot.</source>
        <translation>--teach apre i propri casi: non indicare un vetrino, --demo o --screenshot.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>µm/px of the analysis grid (default: the bundle&apos;s).</source>
        <translation>µm/px della griglia dell&apos;analisi (predefiniti: quelli del pacchetto).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Analysis device: auto, cpu or cuda (default auto).</source>
        <translation>Dispositivo per l&apos;analisi: auto, cpu oppure cuda (predefinito: auto).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Opacity of the shown layers, 0 to 1 (default 0.5).</source>
        <translation>Opacità dei livelli mostrati, da 0 a 1 (predefinita: 0.5).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the offline demo (slidesight-cli demo build) from the folder given as the argument, or from %1.</source>
        <translation>Apre la demo offline (slidesight-cli demo build) dalla cartella indicata come argomento, oppure da %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the window, wait until it has settled (the analysis and the LRAN done, every tile loaded), save what the screen shows of it to this PNG and quit.</source>
        <translation>Apre la finestra, attende che sia stabile (analisi e LRAN concluse, ogni tassello caricato), salva ciò che lo schermo ne mostra in questo PNG ed esce.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>--device must be auto, cpu or cuda.</source>
        <translation>--device deve essere auto, cpu oppure cuda.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--screenshot needs a slide (--open SLIDE).</source>
        <translation>--screenshot richiede un vetrino (--open SLIDE).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--size must look like 1920x1080.</source>
        <translation>--size deve avere la forma 1920x1080.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--magnification must be a positive number.</source>
        <translation>--magnification deve essere un numero positivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--mpp must be a positive number.</source>
        <translation>--mpp deve essere un numero positivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--center must look like 1200,800.</source>
        <translation>--center deve avere la forma 1200,800.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--rotation must be a number of degrees.</source>
        <translation>--rotation deve essere un numero di gradi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+36"/>
        <source>--timeout must be a positive number.</source>
        <translation>--timeout deve essere un numero positivo.</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>--grid-mpp must be a positive number.</source>
        <translation>--grid-mpp deve essere un numero positivo.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>--opacity must be a number from 0 to 1.</source>
        <translation>--opacity deve essere un numero da 0 a 1.</translation>
    </message>
</context>
<context>
    <name>slidesight::AgreementDock</name>
    <message>
        <location filename="../app/agreement/agreementdock.cpp" line="+27"/>
        <location line="+219"/>
        <source>undefined</source>
        <translation>non definito</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>Agreement</source>
        <translation>Concordanza</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Heatmap:</source>
        <translation>Mappa di calore:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotations:</source>
        <translation>Annotazioni:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threshold:</source>
        <translation>Soglia:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cell AUC:</source>
        <translation>AUC per cella:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dice:</source>
        <translation>Dice:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IoU:</source>
        <translation>IoU:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells:</source>
        <translation>Celle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pointing game:</source>
        <translation>Pointing game:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FROC at 1/4 FP:</source>
        <translation>FROC a 1/4 FP:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FROC at 1/2 FP:</source>
        <translation>FROC a 1/2 FP:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FROC at 1 FP:</source>
        <translation>FROC a 1 FP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FROC at 2 FP:</source>
        <translation>FROC a 2 FP:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FROC at 4 FP:</source>
        <translation>FROC a 4 FP:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FROC at 8 FP:</source>
        <translation>FROC a 8 FP:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>FROC score:</source>
        <translation>Punteggio FROC:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>False positives</source>
        <translation>Falsi positivi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>False negatives</source>
        <translation>Falsi negativi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Successivo</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>All annotations</source>
        <translation>Tutte le annotazioni</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>No heatmap layer: run an analysis first.</source>
        <translation>Nessun livello di mappa di calore: eseguire prima un&apos;analisi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>hit (row %1, column %2)</source>
        <translation>centrato (riga %1, colonna %2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>miss (row %1, column %2)</source>
        <translation>mancato (riga %1, colonna %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2 lesions, %3 detections)</source>
        <translation>%1 (%2 lesioni, %3 rilevamenti)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TP %1, FP %2, FN %3, TN %4</source>
        <translation>VP %1, FP %2, FN %3, VN %4</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No false positive at this threshold.</source>
        <translation>Nessun falso positivo a questa soglia.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No false negative at this threshold.</source>
        <translation>Nessun falso negativo a questa soglia.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2: row %3, column %4, value %5</source>
        <translation>%1 di %2: riga %3, colonna %4, valore %5</translation>
    </message>
</context>
<context>
    <name>slidesight::AgreementLayer</name>
    <message>
        <location filename="../app/agreement/agreementlayer.cpp" line="+11"/>
        <source>Agreement (false positives and negatives)</source>
        <translation>Concordanza (falsi positivi e negativi)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>false positive</source>
        <translation>falso positivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>false negative</source>
        <translation>falso negativo</translation>
    </message>
</context>
<context>
    <name>slidesight::AnalysisDock</name>
    <message numerus="yes">
        <location filename="../app/analysis/analysisdock.cpp" line="+6"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>circa %n s rimanente</numerusform>
            <numerusform>circa %n s rimanenti</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about %1 min %2 s left</source>
        <translation>circa %1 min %2 s rimanenti</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Analysis</source>
        <translation>Analisi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a model bundle: a folder or a .zip with a model.json.</source>
        <translation>Scegliere un pacchetto del modello: una cartella o un .zip con un model.json.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Untrained model: its prediction and maps are not meaningful.</source>
        <translation>Modello non addestrato: la sua previsione e le sue mappe non sono significative.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Automatic</source>
        <translation>Automatico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> µm/px</source>
        <translation> µm/px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tissue cells only</source>
        <translation>Solo celle con tessuto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grid:</source>
        <translation>Griglia:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run</source>
        <translation>Esegui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export results…</source>
        <translation>Esporta risultati…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Reading %1…</source>
        <translation>Lettura di %1…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Analysis cancelled.</source>
        <translation>Analisi annullata.</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+34"/>
        <source>Open a slide first.</source>
        <translation>Aprire prima un vetrino.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Trained on %1.</source>
        <translation>Addestrato su %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Untrained.</source>
        <translation>Non addestrato.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model bundle ready.</source>
        <translation>Pacchetto del modello pronto.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a model bundle first.</source>
        <translation>Scegliere prima un pacchetto del modello.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Starting…</source>
        <translation>Avvio…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Finding tissue…</source>
        <translation>Ricerca del tessuto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Extracting features: %1 of %2 cells</source>
        <translation>Estrazione delle caratteristiche: %1 di %2 celle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Classifying and computing the maps…</source>
        <translation>Classificazione e calcolo delle mappe…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finishing…</source>
        <translation>Completamento…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Done in %1 s (%2 cells, features from the cache).</source>
        <translation>Completato in %1 s (%2 celle, caratteristiche dalla cache).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done in %1 s (%2 cells).</source>
        <translation>Completato in %1 s (%2 celle).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export results</source>
        <translation>Esporta risultati</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result files (*.pt);;All files (*)</source>
        <translation>File dei risultati (*.pt);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no result to export.</source>
        <translation>Non c&apos;è nessun risultato da esportare.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
    <message>
        <location filename="../app/analysis/analysisdocklran.cpp" line="+21"/>
        <source>LRAN: %1 of %2 patches</source>
        <translation>LRAN: %1 di %2 patch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>LRAN layers done.</source>
        <translation>Livelli LRAN completati.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The LRAN layers failed: %1</source>
        <translation>Calcolo dei livelli LRAN non riuscito: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>LRAN: starting…</source>
        <translation>LRAN: avvio…</translation>
    </message>
</context>
<context>
    <name>slidesight::AnalysisLayers</name>
    <message>
        <location filename="../app/analysis/analysislayers.cpp" line="+49"/>
        <source>Tissue</source>
        <translation>Tessuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Max attention</source>
        <translation>Attenzione massima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min attention</source>
        <translation>Attenzione minima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Average attention</source>
        <translation>Attenzione media</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Grad-CAM on G&apos; is degenerate: its weights vanish by construction (the softmax ignores a constant added to a channel). Use the grid target G.</source>
        <translation>Grad-CAM su G&apos; è degenere: i suoi pesi si annullano per costruzione (la softmax ignora una costante aggiunta a un canale). Usare il bersaglio griglia G.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This map is degenerate: its weights are at rounding level, so its values are noise and are not shown.</source>
        <translation>Questa mappa è degenere: i suoi pesi sono al livello dell&apos;arrotondamento, quindi i suoi valori sono rumore e non vengono mostrati.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Unknown layer &quot;%1&quot;; the layers are %2.</source>
        <translation>Livello &quot;%1&quot; sconosciuto; i livelli sono %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No layer named; the layers are %1.</source>
        <translation>Nessun livello indicato; i livelli sono %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no layer &quot;%1&quot; to show.</source>
        <translation>Non c&apos;è un livello &quot;%1&quot; da mostrare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer &quot;%1&quot; has no channels.</source>
        <translation>Il livello &quot;%1&quot; non ha canali.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Unknown channel in &quot;%1&quot;; write a channel number, mean or max, e.g. %2:mean.</source>
        <translation>Canale sconosciuto in &quot;%1&quot;; scrivere un numero di canale, mean o max, per es. %2:mean.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Layer &quot;%1&quot; has channels 0 to %2 only.</source>
        <translation>Il livello &quot;%1&quot; ha solo i canali da 0 a %2.</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationAutosave</name>
    <message>
        <location filename="../app/annotations/annotationautosave.cpp" line="+116"/>
        <source>%1 The file was kept as %2.</source>
        <translation>%1 Il file è stato conservato come %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 Annotations of this slide are not saved automatically until it is moved away.</source>
        <translation>%1 Le annotazioni di questo vetrino non verranno salvate automaticamente finché quel file non sarà spostato altrove.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Restore saved annotations</source>
        <translation>ripristino delle annotazioni salvate</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationDock</name>
    <message>
        <location filename="../app/annotations/annotationdock.cpp" line="+37"/>
        <location line="+175"/>
        <source>Annotations</source>
        <translation>Annotazioni</translation>
    </message>
    <message>
        <location line="-168"/>
        <source>Colour…</source>
        <translation>Colore…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the colour of the chosen group</source>
        <translation>Imposta il colore del gruppo scelto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Import…</source>
        <translation>Importa…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the annotations of an ASAP XML or GeoJSON file</source>
        <translation>Aggiunge le annotazioni di un file ASAP XML o GeoJSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export</source>
        <translation>Esporta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ASAP XML…</source>
        <translation>ASAP XML…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected annotation</source>
        <translation>Elimina l&apos;annotazione selezionata</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+66"/>
        <source>(no group)</source>
        <translation>(nessun gruppo)</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>Annotation %1</source>
        <translation>Annotazione %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n vertices</source>
        <translation>
            <numerusform>%n vertice</numerusform>
            <numerusform>%n vertici</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Colour of %1</source>
        <translation>Colore di %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Import annotations</source>
        <translation>Importa annotazioni</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export annotations</source>
        <translation>Esporta annotazioni</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ASAP XML (*.xml)</source>
        <translation>ASAP XML (*.xml)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GeoJSON (*.geojson *.json)</source>
        <translation>GeoJSON (*.geojson *.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Import %1</source>
        <translation>importazione di %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Imported %n annotation(s).</source>
        <translation>
            <numerusform>Importata %n annotazione.</numerusform>
            <numerusform>Importate %n annotazioni.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1.</source>
        <translation>Salvato %1.</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationDocument</name>
    <message>
        <location filename="../app/annotations/annotationcommands.cpp" line="+52"/>
        <source>Delete annotation</source>
        <translation>eliminazione dell&apos;annotazione</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Set colour of %1</source>
        <translation>modifica del colore di %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Show %1</source>
        <translation>visualizzazione di %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide %1</source>
        <translation>occultamento di %1</translation>
    </message>
    <message>
        <location filename="../app/annotations/annotationdocument.cpp" line="+70"/>
        <source>Add annotation</source>
        <translation>aggiunta di un&apos;annotazione</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Move annotation</source>
        <translation>spostamento dell&apos;annotazione</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Edit annotation</source>
        <translation>modifica dell&apos;annotazione</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Set group</source>
        <translation>assegnazione del gruppo</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationLayer</name>
    <message>
        <location filename="../viewer/layers/annotationlayer.cpp" line="+42"/>
        <source>Annotations</source>
        <translation>Annotazioni</translation>
    </message>
    <message>
        <location line="+218"/>
        <source>Annotation %1</source>
        <translation>Annotazione %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationTools</name>
    <message>
        <location filename="../app/annotations/annotationtools.cpp" line="+26"/>
        <source>Select / move</source>
        <translation>Seleziona / sposta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click an annotation to select it, drag it to move it</source>
        <translation>Fare clic su un&apos;annotazione per selezionarla, trascinarla per spostarla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Point</source>
        <translation>Punto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click to place a point</source>
        <translation>Fare clic per inserire un punto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rectangle</source>
        <translation>Rettangolo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag to draw a rectangle</source>
        <translation>Trascinare per disegnare un rettangolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Polygon</source>
        <translation>Poligono</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Click the vertices; double-click or Enter closes the polygon</source>
        <translation>Fare clic sui vertici; doppio clic o Invio chiude il poligono</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Freehand</source>
        <translation>Mano libera</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Drag to draw an outline</source>
        <translation>Trascinare per disegnare un contorno</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Annotation tools</source>
        <translation>Strumenti di annotazione</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Add point</source>
        <translation>aggiunta di un punto</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Add rectangle</source>
        <translation>aggiunta di un rettangolo</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add outline</source>
        <translation>aggiunta di un contorno</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Add polygon</source>
        <translation>aggiunta di un poligono</translation>
    </message>
</context>
<context>
    <name>slidesight::AnnotationsModule</name>
    <message>
        <location filename="../app/annotations/annotationsmodule.cpp" line="+45"/>
        <source>Annotations</source>
        <translation>Annotazioni</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annulla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Ripeti</translation>
    </message>
</context>
<context>
    <name>slidesight::AssociatedImagesDock</name>
    <message>
        <location filename="../app/shell/docks/associatedimagesdock.cpp" line="+21"/>
        <source>Label and macro</source>
        <translation>Etichetta e macro</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
</context>
<context>
    <name>slidesight::AttentionGallery</name>
    <message>
        <location filename="../app/inspector/attentiongallery.cpp" line="+87"/>
        <source>%1 (untrained model)</source>
        <translation>%1 (modello non addestrato)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1, channel %2: click to show it</source>
        <translation>%1, canale %2: fare clic per mostrarlo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Run an attention analysis to see its maps here.</source>
        <translation>Eseguire un&apos;analisi dell&apos;attenzione per vederne qui le mappe.</translation>
    </message>
</context>
<context>
    <name>slidesight::BundlePicker</name>
    <message>
        <location filename="../app/analysis/bundlepicker.cpp" line="+36"/>
        <source>Recent model bundles</source>
        <translation>Pacchetti del modello recenti</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder…</source>
        <translation>Cartella…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a model bundle folder</source>
        <translation>Apre la cartella di un pacchetto del modello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip…</source>
        <translation>Zip…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a zipped model bundle</source>
        <translation>Apre un pacchetto del modello compresso (.zip)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No model bundle</source>
        <translation>Nessun pacchetto del modello</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Open model bundle</source>
        <translation>Apri pacchetto del modello</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open zipped model bundle</source>
        <translation>Apri pacchetto del modello compresso</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model bundles (*.zip);;All files (*)</source>
        <translation>Pacchetti del modello (*.zip);;Tutti i file (*)</translation>
    </message>
</context>
<context>
    <name>slidesight::CellGallery</name>
    <message>
        <location filename="../app/inspector/cellgallery.cpp" line="+81"/>
        <source>Layer</source>
        <translation>Livello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells each</source>
        <translation>Celle per elenco</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Highest values</source>
        <translation>Valori più alti</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lowest values</source>
        <translation>Valori più bassi</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Row %1, column %2: click to show it at 10×</source>
        <translation>Riga %1, colonna %2: fare clic per mostrarla a 10×</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1, %2 (untrained model: the values carry no meaning)</source>
        <translation>%1, %2 (modello non addestrato: i valori non hanno alcun significato)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No map to rank: run an analysis first.</source>
        <translation>Nessuna mappa da ordinare: eseguire prima un&apos;analisi.</translation>
    </message>
</context>
<context>
    <name>slidesight::DemoModule</name>
    <message>
        <location filename="../app/demo/demomodule.cpp" line="+88"/>
        <source>Import the demo&apos;s ground truth</source>
        <translation>Importa la verità di riferimento della demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
</context>
<context>
    <name>slidesight::HeatmapLayer</name>
    <message>
        <location filename="../viewer/layers/heatmaplayer.cpp" line="+101"/>
        <source>%1 (channel %2)</source>
        <translation>%1 (canale %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (mean over channels)</source>
        <translation>%1 (media sui canali)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (maximum over channels)</source>
        <translation>%1 (massimo sui canali)</translation>
    </message>
    <message>
        <location line="+139"/>
        <source>%1 %2</source>
        <comment>value and units</comment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (untrained)</source>
        <comment>a value from a model that was never trained</comment>
        <translation>%1 (non addestrato)</translation>
    </message>
</context>
<context>
    <name>slidesight::InspectorDock</name>
    <message>
        <location filename="../app/inspector/inspectordock.cpp" line="+12"/>
        <source>Attention inspector</source>
        <translation>Ispettore dell&apos;attenzione</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channels</source>
        <translation>Canali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top cells</source>
        <translation>Celle estreme</translation>
    </message>
</context>
<context>
    <name>slidesight::LayerExportDialog</name>
    <message>
        <location filename="../app/layers/layerexportdialog.cpp" line="+15"/>
        <source>Export layer</source>
        <translation>Esporta livello</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PNG, one pixel per grid cell, as shown</source>
        <translation>PNG, un pixel per cella della griglia, come visualizzato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TIFF aligned with the slide, colours as shown</source>
        <translation>TIFF allineato al vetrino, colori come visualizzati</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TIFF aligned with the slide, raw values (32-bit float)</source>
        <translation>TIFF allineato al vetrino, valori grezzi (float a 32 bit)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer</source>
        <translation>Livello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PNG images (*.png)</source>
        <translation>Immagini PNG (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIFF images (*.tif *.tiff)</source>
        <translation>Immagini TIFF (*.tif *.tiff)</translation>
    </message>
</context>
<context>
    <name>slidesight::LayerPanelDock</name>
    <message>
        <location filename="../app/layers/layerpaneldock.cpp" line="+33"/>
        <source>Layers</source>
        <translation>Livelli</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Move the layer up (drawn later)</source>
        <translation>Sposta il livello in alto (disegnato dopo)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move the layer down (drawn earlier)</source>
        <translation>Sposta il livello in basso (disegnato prima)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Opacity</source>
        <translation>Opacità</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Colormap</source>
        <translation>Mappa di colori</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Scale</source>
        <translation>Scala</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Raw value drawn with the low end of the colormap</source>
        <translation>Valore grezzo disegnato con l&apos;estremo inferiore della mappa di colori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw value drawn with the high end of the colormap</source>
        <translation>Valore grezzo disegnato con l&apos;estremo superiore della mappa di colori</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Range</source>
        <translation>Intervallo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hide below</source>
        <translation>Nascondi sotto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cells whose raw value is below this are not drawn</source>
        <translation>Le celle con un valore grezzo inferiore a questo non vengono disegnate</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Threshold</source>
        <translation>Soglia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Mean of the channels</source>
        <translation>Media dei canali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum of the channels</source>
        <translation>Massimo dei canali</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel %1</source>
        <translation>Canale %1</translation>
    </message>
</context>
<context>
    <name>slidesight::LayerStack</name>
    <message>
        <location filename="../viewer/layers/layerstack.cpp" line="+138"/>
        <source>%1: %2</source>
        <comment>layer name: value</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>slidesight::LayersModule</name>
    <message>
        <location filename="../app/layers/layersmodule.cpp" line="+30"/>
        <source>Export &amp;layer…</source>
        <translation>Esporta &amp;livello…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Export layer</source>
        <translation>Esporta livello</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Exporting %1…</source>
        <translation>Esportazione di %1…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved %1</source>
        <translation>Salvato %1</translation>
    </message>
</context>
<context>
    <name>slidesight::LegendWidget</name>
    <message>
        <location filename="../app/layers/legendwidget.cpp" line="+40"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No heatmap layer selected</source>
        <translation>Nessun livello di mappa di calore selezionato</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Hidden below %1</source>
        <translation>Nascosto sotto %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Untrained model: the values carry no meaning</source>
        <translation>Modello non addestrato: i valori non hanno alcun significato</translation>
    </message>
</context>
<context>
    <name>slidesight::LranController</name>
    <message>
        <location filename="../app/analysis/lrancontroller.cpp" line="+72"/>
        <source>The model bundle &quot;%1&quot; has no LRAN network.</source>
        <translation>Il pacchetto del modello &quot;%1&quot; non ha una rete LRAN.</translation>
    </message>
</context>
<context>
    <name>slidesight::MachineCheckButton</name>
    <message>
        <location filename="../app/machine/machinecheckbutton.cpp" line="+16"/>
        <location line="+21"/>
        <source>This machine…</source>
        <translation>Questo computer…</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Versions, CUDA and GPUs, and a self-test of the feature extractor on each device (as slidesight-cli doctor).</source>
        <translation>Versioni, CUDA e GPU, e un autotest dell&apos;estrattore di caratteristiche su ogni dispositivo (come slidesight-cli doctor).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking…</source>
        <translation>Verifica in corso…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This machine</source>
        <translation>Questo computer</translation>
    </message>
</context>
<context>
    <name>slidesight::MainWindow</name>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+57"/>
        <location line="+219"/>
        <source>SlideSight</source>
        <translation>SlideSight</translation>
    </message>
    <message>
        <location filename="../app/shell/slide/slidefilefilter.h" line="+12"/>
        <source>Slides (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;All files (*)</source>
        <translation>Vetrini (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;Tutti i file (*)</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="-38"/>
        <source>Open slide</source>
        <translation>Apri vetrino</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cannot open slide</source>
        <translation>Impossibile aprire il vetrino</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 — SlideSight</source>
        <translation>%1 — SlideSight</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="+51"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&amp;Rotation</source>
        <translation>&amp;Rotazione</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+13"/>
        <source>Slide resolution</source>
        <translation>Risoluzione del vetrino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Micrometres per level-0 pixel (e.g. 0.25 for a 40× scan, 0.5 for 20×):</source>
        <translation>Micrometri per pixel del livello 0 (per es. 0,25 per una scansione a 40×, 0,5 per 20×):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export view</source>
        <translation>Esporta vista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG images (*.png)</source>
        <translation>Immagini PNG (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export failed</source>
        <translation>Esportazione non riuscita</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1</source>
        <translation>Salvato %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no slide to export.</source>
        <translation>Non c&apos;è nessun vetrino da esportare.</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="-93"/>
        <source>&amp;Open…</source>
        <translation>&amp;Apri…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close</source>
        <translation>&amp;Chiudi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export view as PNG…</source>
        <translation>Esp&amp;orta vista come PNG…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Esci</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ingrandisci</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Riduci</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Zoom to &amp;fit</source>
        <translation>&amp;Adatta alla finestra</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Rotate 90° clockwise</source>
        <translation>Ruota di 90° in senso orario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate 90° counter-clockwise</source>
        <translation>Ruota di 90° in senso antiorario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shift+R</source>
        <translation>Shift+R</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn 5° clockwise</source>
        <translation>Gira di 5° in senso orario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>]</source>
        <translation>]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn 5° counter-clockwise</source>
        <translation>Gira di 5° in senso antiorario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[</source>
        <translation>[</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset rotation</source>
        <translation>Annulla la rotazione</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>View rotation (R and Shift+R: 90°, [ and ]: 5°)</source>
        <translation>Rotazione della vista (R e Shift+R: 90°, [ e ]: 5°)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Set &amp;µm/px…</source>
        <translation>Imposta &amp;µm/px…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferenze…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About SlideSight</source>
        <translation>&amp;Informazioni su SlideSight</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="-181"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="+7"/>
        <source>Open &amp;recent</source>
        <translation>Apri &amp;recenti</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Visualizza</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="+12"/>
        <source>&amp;Magnification</source>
        <translation>In&amp;grandimento</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+0"/>
        <source>&amp;Slide</source>
        <translation>Ve&amp;trino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ettings</source>
        <translation>&amp;Impostazioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Help</source>
        <translation>&amp;Aiuto</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="+10"/>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+50"/>
        <source>Overview</source>
        <translation>Panoramica</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindowactions.cpp" line="+23"/>
        <source>Clear list</source>
        <translation>Svuota elenco</translation>
    </message>
    <message>
        <location filename="../app/shell/window/mainwindow.cpp" line="+27"/>
        <source>About SlideSight</source>
        <translation>Informazioni su SlideSight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;SlideSight %1&lt;/h3&gt;&lt;p&gt;A viewer for gigapixel pathology slides with attention-based AI layers.&lt;/p&gt;&lt;p&gt;OpenSlide %2, Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;SlideSight %1&lt;/h3&gt;&lt;p&gt;Un visualizzatore di vetrini digitali di patologia da gigapixel con sovrapposizioni di IA basate sull&apos;attenzione.&lt;/p&gt;&lt;p&gt;OpenSlide %2, Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>&amp;Edit</source>
        <translation>&amp;Modifica</translation>
    </message>
</context>
<context>
    <name>slidesight::Minimap</name>
    <message>
        <location filename="../viewer/view/minimap.cpp" line="+13"/>
        <source>Click or drag to move the view</source>
        <translation>Fare clic o trascinare per spostare la vista</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>No slide</source>
        <translation>Nessun vetrino</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading…</source>
        <translation>Caricamento…</translation>
    </message>
</context>
<context>
    <name>slidesight::MppBar</name>
    <message>
        <location filename="../app/shell/window/mppbar.cpp" line="+18"/>
        <source>Set µm/px…</source>
        <translation>Imposta µm/px…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This slide does not record its resolution (µm/px): physical sizes and magnifications are unavailable until you enter it.</source>
        <translation>Questo vetrino non registra la propria risoluzione (µm/px): dimensioni fisiche e ingrandimenti non sono disponibili finché non la si inserisce.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This slide does not record µm/px; %1 µm/px is assumed from its objective power. Enter the true value if you know it.</source>
        <translation>Questo vetrino non registra i µm/px; si presume %1 µm/px in base all&apos;ingrandimento dell&apos;obiettivo. Inserire il valore reale, se noto.</translation>
    </message>
</context>
<context>
    <name>slidesight::Pane</name>
    <message>
        <location filename="../app/panes/pane.cpp" line="+35"/>
        <source>The layer this pane shows over the slide</source>
        <translation>Il livello che questo riquadro mostra sul vetrino</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Window&apos;s slide</source>
        <translation>Vetrino della finestra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the slide of the main view in this pane</source>
        <translation>Mostra in questo riquadro il vetrino della vista principale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open…</source>
        <translation>Apri…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open another slide in this pane (a re-scan, a serial section)</source>
        <translation>Apri un altro vetrino in questo riquadro (una nuova scansione, una sezione seriale)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Open a slide in this pane</source>
        <translation>Apri un vetrino in questo riquadro</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Layers of the main view</source>
        <translation>Livelli della vista principale</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slide only</source>
        <translation>Solo il vetrino</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Opening…</source>
        <translation>Apertura…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No slide</source>
        <translation>Nessun vetrino</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (this pane only)</source>
        <translation>%1 (solo questo riquadro)</translation>
    </message>
</context>
<context>
    <name>slidesight::PanesModule</name>
    <message>
        <location filename="../app/panes/panesmodule.cpp" line="+36"/>
        <source>&amp;Panes</source>
        <translation>&amp;Riquadri</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Single view</source>
        <translation>Vista singola</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+1</source>
        <translation>Ctrl+Alt+1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two panes side by side</source>
        <translation>Due riquadri affiancati</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+2</source>
        <translation>Ctrl+Alt+2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Four panes</source>
        <translation>Quattro riquadri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+4</source>
        <translation>Ctrl+Alt+4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Link navigation</source>
        <translation>Collega la navigazione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+L</source>
        <translation>Ctrl+Alt+L</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moving one pane moves the others to the same place at the same scale</source>
        <translation>Spostare un riquadro sposta gli altri nello stesso punto alla stessa scala</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Link here (keep the panes&apos; offsets)</source>
        <translation>Collega qui (mantieni gli scostamenti dei riquadri)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+K</source>
        <translation>Ctrl+Alt+K</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Align the panes freely, then link them as they are now</source>
        <translation>Allinea liberamente i riquadri, poi collegali così come sono ora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Panes linked with their present offsets</source>
        <translation>Riquadri collegati con gli scostamenti attuali</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Link at the same point</source>
        <translation>Collega sullo stesso punto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Align by two points…</source>
        <translation>Allinea con due punti…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+A</source>
        <translation>Ctrl+Alt+A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click a feature in one pane, then the same feature in another: they are linked with that offset</source>
        <translation>Fai clic su un dettaglio in un riquadro, poi sullo stesso dettaglio in un altro: vengono collegati con quello scostamento</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Curtain over the top layer</source>
        <translation>Tendina sul livello superiore</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drag the line to compare the top layer with the layers beneath it</source>
        <translation>Trascina la linea per confrontare il livello superiore con i livelli sottostanti</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Curtain: %1 left of the line, the layers beneath it right of it</source>
        <translation>Tendina: %1 a sinistra della linea, i livelli sottostanti a destra</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>There is no visible layer to draw a curtain over.</source>
        <translation>Non c&apos;è alcun livello visibile su cui stendere una tendina.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Cannot open %1</source>
        <translation>Impossibile aprire %1</translation>
    </message>
</context>
<context>
    <name>slidesight::PointAlignment</name>
    <message>
        <location filename="../app/panes/pointalignment.cpp" line="+21"/>
        <source>Split the view into panes first (View &gt; Panes).</source>
        <translation>Dividi prima la vista in riquadri (Visualizza &gt; Riquadri).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Click a feature in one pane (Escape cancels).</source>
        <translation>Fai clic su un dettaglio in un riquadro (Esc annulla).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Alignment cancelled.</source>
        <translation>Allineamento annullato.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Now click the same feature in another pane.</source>
        <translation>Ora fai clic sullo stesso dettaglio in un altro riquadro.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Click the same feature in another pane, not in the same one.</source>
        <translation>Fai clic sullo stesso dettaglio in un altro riquadro, non nello stesso.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Panes aligned on the two points and linked.</source>
        <translation>Riquadri allineati sui due punti e collegati.</translation>
    </message>
</context>
<context>
    <name>slidesight::PredictionPanel</name>
    <message>
        <location filename="../app/analysis/predictionpanel.cpp" line="+34"/>
        <source>No prediction yet.</source>
        <translation>Ancora nessuna previsione.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (trained)</source>
        <translation>%1 (addestrato)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (untrained: the score is not meaningful)</source>
        <translation>%1 (non addestrato: il punteggio non è significativo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score: %1</source>
        <translation>Punteggio: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (classifier trained on the features of a seeded, untrained extractor): %2</source>
        <translation>%1 (classificatore addestrato sulle caratteristiche di un estrattore non addestrato, inizializzato con un seme): %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (trained): %2</source>
        <translation>%1 (addestrato): %2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 (untrained: the prediction is not meaningful): %2</source>
        <translation>%1 (non addestrato: la previsione non è significativa): %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2%</source>
        <translation>%1: %2%</translation>
    </message>
</context>
<context>
    <name>slidesight::PropertiesDock</name>
    <message>
        <location filename="../app/shell/docks/propertiesdock.cpp" line="+10"/>
        <source>Properties</source>
        <translation>Proprietà</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Property</source>
        <translation>Proprietà</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valore</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 × %2 µm/px</source>
        <translation>%1 × %2 µm/px</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (from the slide)</source>
        <translation>%1 (dal vetrino)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (assumed from the %2× objective)</source>
        <translation>%1 (presunto dall&apos;obiettivo %2×)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (entered by the user: assumed)</source>
        <translation>%1 (inserito dall&apos;utente: presunto)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown: the slide does not record it</source>
        <translation>sconosciuta: il vetrino non la registra</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Summary</source>
        <translation>Riepilogo</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dimensions</source>
        <translation>Dimensioni</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resolution</source>
        <translation>Risoluzione</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Objective</source>
        <translation>Obiettivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>unknown</source>
        <translation>sconosciuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Levels</source>
        <translation>Livelli</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Level %1</source>
        <translation>Livello %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 × %2 px, downsample %3</source>
        <translation>%1 × %2 px, riduzione %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Associated images</source>
        <translation>Immagini associate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All properties (%1)</source>
        <translation>Tutte le proprietà (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The slide&apos;s own properties are hidden while its name is.</source>
        <translation>Le proprietà del vetrino sono nascoste finché lo è il suo nome.</translation>
    </message>
</context>
<context>
    <name>slidesight::ReviewDock</name>
    <message>
        <location filename="../app/review/reviewdock.cpp" line="+31"/>
        <source>Review</source>
        <translation>Revisione</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record where I look</source>
        <translation>Registra dove guardo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keeps, per slide, which parts were seen at which magnification and for how long, beside the annotations.</source>
        <translation>Conserva, per ogni vetrino, quali parti sono state viste, a quale ingrandimento e per quanto tempo, accanto alle annotazioni.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The map&apos;s highest cells, as a share of its cells, make up the regions.</source>
        <translation>Le celle più alte della mappa, come quota delle sue celle, formano le regioni.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next</source>
        <translation>Successiva</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget this slide&apos;s review</source>
        <translation>Dimentica la revisione di questo vetrino</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Model&apos;s map:</source>
        <translation>Mappa del modello:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seen at least at:</source>
        <translation>Visto almeno a:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top regions:</source>
        <translation>Regioni principali:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the map&apos;s top:</source>
        <translation>Dalla parte alta della mappa:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not yet reviewed:</source>
        <translation>Non ancora esaminate:</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>%1 of the model&apos;s top region reviewed</source>
        <translation>%1 della regione principale del modello esaminata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of the model&apos;s top %2 regions reviewed</source>
        <translation>%1 delle %2 regioni principali del modello esaminate</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Seen at %1× or more: %2 % of the slide</source>
        <translation>Visto a %1× o più: %2 % del vetrino</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No slide open.</source>
        <translation>Nessun vetrino aperto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run an analysis to compare the review with the model&apos;s maps.</source>
        <translation>Esegui un&apos;analisi per confrontare la revisione con le mappe del modello.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>#%1: value %2, %3 of %4 cells seen</source>
        <translation>#%1: valore %2, %3 di %4 celle viste</translation>
    </message>
</context>
<context>
    <name>slidesight::ReviewModule</name>
    <message>
        <location filename="../app/review/reviewmodule.cpp" line="+46"/>
        <source>Next unreviewed region</source>
        <translation>Prossima regione non esaminata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+]</source>
        <translation>Ctrl+]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous unreviewed region</source>
        <translation>Regione non esaminata precedente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+[</source>
        <translation>Ctrl+[</translation>
    </message>
</context>
<context>
    <name>slidesight::ReviewRecorder</name>
    <message>
        <location filename="../app/review/reviewrecorder.cpp" line="+93"/>
        <source>it was recorded for a slide of another size</source>
        <translation>è stata registrata per un vetrino di un&apos;altra dimensione</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The review coverage of this slide could not be used (%1); it was kept as %2 and recording starts over.</source>
        <translation>Non è stato possibile usare la copertura della revisione di questo vetrino (%1); è stata conservata come %2 e la registrazione ricomincia.</translation>
    </message>
</context>
<context>
    <name>slidesight::ScreenshotLayers</name>
    <message>
        <location filename="../app/shell/screenshots/screenshotlayers.cpp" line="+93"/>
        <source>The slide has no annotations to show; give the file with --annotations FILE.</source>
        <translation>Il vetrino non ha annotazioni da mostrare; indica il file con --annotations FILE.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No review of this slide has been recorded (%1).</source>
        <translation>Non è stata registrata alcuna revisione di questo vetrino (%1).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The model bundle &quot;%1&quot; has no LRAN network, so it gives no LRAN layers.</source>
        <translation>Il pacchetto modello &quot;%1&quot; non ha una rete LRAN, quindi non fornisce livelli LRAN.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The LRAN layers failed: %1</source>
        <translation>I livelli LRAN non sono riusciti: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no heatmap to compare the annotations with.</source>
        <translation>Non c&apos;è una mappa di calore con cui confrontare le annotazioni.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The agreement could not be computed: %1</source>
        <translation>Non è stato possibile calcolare la concordanza: %1</translation>
    </message>
</context>
<context>
    <name>slidesight::ScreenshotRunner</name>
    <message>
        <location filename="../app/shell/screenshots/screenshotrunner.cpp" line="+36"/>
        <source>Timed out after %1 s waiting for the slide&apos;s tiles.</source>
        <translation>Tempo scaduto dopo %1 s in attesa dei riquadri del vetrino.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out after %1 s waiting for the analysis.</source>
        <translation>Tempo scaduto dopo %1 s in attesa dell&apos;analisi.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The layer &quot;%1&quot; needs a model bundle (--analyze BUNDLE).</source>
        <translation>Il livello &quot;%1&quot; richiede un pacchetto modello (--analyze BUNDLE).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>slidesight: note: the model bundle &quot;%1&quot; was never trained; its layers are not meaningful.</source>
        <translation>slidesight: nota: il pacchetto del modello &quot;%1&quot; non è mai stato addestrato; i suoi livelli non sono significativi.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The slide records neither µm/px nor objective power, so a magnification cannot be chosen; give --mpp.</source>
        <translation>Il vetrino non registra né i µm/px né l&apos;ingrandimento dell&apos;obiettivo, quindi non è possibile scegliere un ingrandimento; indicare --mpp.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>slidesight: %1</source>
        <translation>slidesight: %1</translation>
    </message>
</context>
<context>
    <name>slidesight::SettingsDialog</name>
    <message>
        <location filename="../app/shell/settings/settingsdialog.cpp" line="+15"/>
        <source>Preferences</source>
        <translation>Preferenze</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tile cache size:</source>
        <translation>Dimensione della cache dei riquadri:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>automatic</source>
        <translation>automatico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tile reading threads:</source>
        <translation>Thread di lettura dei riquadri:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System default</source>
        <translation>Predefinita di sistema</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Language:</source>
        <translation>Lingua:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thread and language changes take effect after a restart.</source>
        <translation>Le modifiche a thread e lingua hanno effetto dopo un riavvio.</translation>
    </message>
</context>
<context>
    <name>slidesight::SlideLayer</name>
    <message>
        <location filename="../viewer/layers/slidelayer.cpp" line="+34"/>
        <source>Slide</source>
        <translation>Vetrino</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>RGB %1, %2, %3</source>
        <translation>RGB %1, %2, %3</translation>
    </message>
</context>
<context>
    <name>slidesight::TeachingDock</name>
    <message>
        <location filename="../app/teaching/teachingdock.cpp" line="+22"/>
        <source>Teaching</source>
        <translation>Didattica</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>You</source>
        <translation>Tu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Model</source>
        <translation>Modello</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slide call</source>
        <translation>Giudizio sul vetrino</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cell AUC</source>
        <translation>AUC per cella</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pointing game</source>
        <translation>Pointing game</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Previous</source>
        <translation>Precedente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal</source>
        <translation>Svela</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the truth, the model&apos;s maps and both sets of figures (Ctrl+Shift+Return)</source>
        <translation>Mostra la verità, le mappe del modello e le cifre di entrambi (Ctrl+Maiusc+Invio)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>Successivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export score sheet…</source>
        <translation>Esporta la scheda dei punteggi…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 of %2 cases revealed</source>
        <translation>%1 di %2 casi svelati</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>marked</source>
        <translation>segnato</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>✓ right call</source>
        <translation>✓ giudizio giusto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>✗ wrong call</source>
        <translation>✗ giudizio sbagliato</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a case.</source>
        <translation>Scegli un caso.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mark the regions you think are lesional with the rectangle, polygon or freehand tool (a point marks where you would look first; no mark says the slide has no lesion), then reveal.</source>
        <translation>Segna le regioni che ritieni lesionali con lo strumento rettangolo, poligono o mano libera (un punto indica dove guarderesti per primo; nessun segno dice che il vetrino non ha lesioni), poi svela.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Green: the truth; your marks as you drew them; the model&apos;s map below them (%1).</source>
        <translation>In verde la verità; i tuoi segni come li hai disegnati; sotto, la mappa del modello (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no model</source>
        <translation>nessun modello</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+13"/>
        <source>lesional</source>
        <translation>lesionale</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+13"/>
        <source>no lesion</source>
        <translation>nessuna lesione</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>hit</source>
        <translation>colpito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>miss</source>
        <translation>mancato</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Truth: %1 (%2 of %3 cells).</source>
        <translation>Verità: %1 (%2 di %3 celle).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model was never trained: its figures show the method, not a skill.</source>
        <translation>Il modello non è mai stato addestrato: le sue cifre mostrano il metodo, non una capacità.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model&apos;s features come from a never-trained extractor.</source>
        <translation>Le caratteristiche del modello vengono da un estrattore mai addestrato.</translation>
    </message>
</context>
<context>
    <name>slidesight::TeachingModule</name>
    <message>
        <location filename="../app/teaching/teachingmodule.cpp" line="+37"/>
        <source>Open &amp;Teaching Cases…</source>
        <translation>Apri casi &amp;didattici…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go through a list of cases: mark, reveal the truth and the model&apos;s maps, compare the figures</source>
        <translation>Percorri un elenco di casi: segna, svela la verità e le mappe del modello, confronta le cifre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reveal the Case</source>
        <translation>&amp;Svela il caso</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Next Case</source>
        <translation>Caso s&amp;uccessivo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Previous Case</source>
        <translation>Caso &amp;precedente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Teac&amp;hing</source>
        <translation>&amp;Didattica</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+39"/>
        <location line="+76"/>
        <location line="+15"/>
        <location filename="../app/teaching/teachingreveal.cpp" line="+93"/>
        <location line="+103"/>
        <location line="+39"/>
        <source>Teaching</source>
        <translation>Didattica</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Teaching case %1 of %2</source>
        <translation>Caso didattico %1 di %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reveal the case to see the model&apos;s analysis.</source>
        <translation>Rivelare il caso per vedere l&apos;analisi del modello.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revealing: reading the truth and running the model…</source>
        <translation>Svelamento: lettura della verità ed esecuzione del modello…</translation>
    </message>
    <message>
        <location filename="../app/teaching/teachingreveal.cpp" line="-142"/>
        <source>The truth of this case cannot be read: %1</source>
        <translation>La verità di questo caso non è leggibile: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Truth</source>
        <translation>Verità</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+6"/>
        <source>The model did not run: %1</source>
        <translation>Il modello non è stato eseguito: %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>The model could not be loaded: %1</source>
        <translation>Impossibile caricare il modello: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model&apos;s run was cancelled.</source>
        <translation>L&apos;esecuzione del modello è stata annullata.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The model gives no map &quot;%1&quot;.</source>
        <translation>Il modello non fornisce la mappa &quot;%1&quot;.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The case could not be scored: %1</source>
        <translation>Impossibile calcolare il punteggio del caso: %1</translation>
    </message>
    <message>
        <location filename="../app/teaching/teachingmodule.cpp" line="+4"/>
        <source>No teaching cases are open.</source>
        <translation>Nessun caso didattico è aperto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open Teaching Cases</source>
        <translation>Apri casi didattici</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case lists (*.json);;All files (*)</source>
        <translation>Elenchi di casi (*.json);;Tutti i file (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export Score Sheet</source>
        <translation>Esporta la scheda dei punteggi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score sheet (*.html)</source>
        <translation>Scheda dei punteggi (*.html)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score sheet written: %1 and its .csv</source>
        <translation>Scheda dei punteggi scritta: %1 e il suo .csv</translation>
    </message>
</context>
<context>
    <name>slidesight::ViewStatus</name>
    <message>
        <location filename="../app/shell/window/viewstatus.cpp" line="+21"/>
        <source>Opening %1…</source>
        <translation>Apertura di %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>x %1  y %2 px</source>
        <translation>x %1  y %2 px</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zoom 1:%1</source>
        <translation>zoom 1:%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>µm/px unknown</source>
        <translation>µm/px sconosciuti</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 µm/px</source>
        <translation>%1 µm/px</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (assumed)</source>
        <translation>%1 (presunto)</translation>
    </message>
</context>
<context>
    <name>slidesight::WindowShot</name>
    <message>
        <location filename="../app/shell/screenshots/windowshot.cpp" line="+36"/>
        <source>Timed out after %1 s waiting for the window to settle.</source>
        <translation>Tempo scaduto dopo %1 s in attesa che la finestra fosse stabile.</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+32"/>
        <source>slidesight: %1</source>
        <translation>slidesight: %1</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Docks scrolled sideways: %1.</source>
        <translation>Pannelli con scorrimento orizzontale: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1 (%2 x %3 px; the slide view at %4,%5, %6 x %7 px).</source>
        <translation>Scritto %1 (%2 x %3 px; la vista del vetrino a %4,%5, %6 x %7 px).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Pane %1 at %2,%3, %4 x %5 px.</source>
        <translation>Riquadro %1 in %2,%3, %4 x %5 px.</translation>
    </message>
</context>
</TS>
