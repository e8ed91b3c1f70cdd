import { listingRoute, movementListing } from "@/app/[locale]/_views/listing";

const route = listingRoute(movementListing, false);

// Values and pages a later publication adds are rendered on their first request (unknown ones are 404).
export const dynamicParams = true;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
