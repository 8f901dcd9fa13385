// The mocha CLI (`mocha --reporter <file>`) needs the module itself to be the reporter class,
// so this one file uses `export =`; everything else imports SummaryReporter by name.
import { SummaryReporter } from './summaryReporter';

export = SummaryReporter;
